// Source bytes to text, as CPython reads a file (PEP 263): UTF-8 unless a coding
// declaration on the first two lines says otherwise; a UTF-8 byte order mark is dropped.

const CODING = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;

/** The declared encoding's name as CPython normalizes it (get_normal_name). */
function normalName(s: string): string {
  const n = s.slice(0, 12).toLowerCase().replace(/_/g, "-");
  if (n === "utf-8" || n.startsWith("utf-8-")) return "utf-8";
  if (
    n === "latin-1" || n === "iso-8859-1" || n === "iso-latin-1" || n.startsWith("latin-1-") ||
    n.startsWith("iso-8859-1-") || n.startsWith("iso-latin-1-")
  ) {
    return "iso-8859-1";
  }
  return s;
}

/** Decodes a source file's bytes. */
export function decodeSource(bytes: Uint8Array): string {
  let b = bytes;
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) b = b.subarray(3);
  // the coding cookie may only be on line 1 or 2
  let encoding = "utf-8";
  let start = 0;
  for (let line = 0; line < 2 && start < b.length; line++) {
    let end = b.indexOf(10, start);
    if (end < 0) end = b.length;
    const text = new TextDecoder("latin1").decode(b.subarray(start, end));
    const m = CODING.exec(text);
    if (m) {
      encoding = normalName(m[1]);
      break;
    }
    if (!/^[ \t\f]*(#.*)?\r?$/.test(text)) break;
    start = end + 1;
  }
  try {
    return new TextDecoder(encoding === "iso-8859-1" ? "latin1" : encoding, { fatal: true })
      .decode(b);
  } catch {
    return new TextDecoder("utf-8").decode(b);
  }
}
