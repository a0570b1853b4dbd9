// repr() of str and bytes, as CPython 3.11 writes them (Objects/unicodeobject.c
// unicode_repr, Objects/bytesobject.c PyBytes_Repr): single quotes unless the text holds a
// single quote and no double quote; backslash escapes for the quote, the backslash, \t \n
// \r, and every character that is not printable.

import { isPrintable } from "./unicodetype.ts";

export { isPrintable };

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, "0");
}

function chooseQuote(hasSingle: boolean, hasDouble: boolean): string {
  return hasSingle && !hasDouble ? '"' : "'";
}

/** Python's repr(s) for a str. Lone surrogates are kept as the code points they are. */
export function strRepr(s: string): string {
  const quote = chooseQuote(s.includes("'"), s.includes('"'));
  let out = quote;
  let plainFrom = 0; // start of a run of characters copied as they are
  for (let i = 0; i < s.length; i++) {
    const unit = s.charCodeAt(i);
    let cp = unit;
    let width = 1;
    if (unit >= 0xd800 && unit < 0xdc00 && i + 1 < s.length) {
      const low = s.charCodeAt(i + 1);
      if (low >= 0xdc00 && low < 0xe000) {
        cp = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
        width = 2;
      }
    }
    let escape: string | null = null;
    if (cp === 0x5c) escape = "\\\\";
    else if (cp === quote.charCodeAt(0)) escape = `\\${quote}`;
    else if (cp === 0x09) escape = "\\t";
    else if (cp === 0x0a) escape = "\\n";
    else if (cp === 0x0d) escape = "\\r";
    else if (cp < 0x20 || cp === 0x7f) escape = `\\x${hex(cp, 2)}`;
    else if (cp >= 0x80 && !isPrintable(cp)) {
      escape = cp <= 0xff
        ? `\\x${hex(cp, 2)}`
        : cp <= 0xffff
        ? `\\u${hex(cp, 4)}`
        : `\\U${hex(cp, 8)}`;
    }
    if (escape !== null) {
      out += s.slice(plainFrom, i) + escape;
      plainFrom = i + width;
    }
    i += width - 1;
  }
  return out + s.slice(plainFrom) + quote;
}

/** Python's repr(b) for bytes (and, inside bytearray(...), for bytearray). */
export function bytesRepr(b: Uint8Array): string {
  const quote = chooseQuote(b.includes(0x27), b.includes(0x22));
  const q = quote.charCodeAt(0);
  let out = "b" + quote;
  for (const c of b) {
    if (c === q || c === 0x5c) out += "\\" + String.fromCharCode(c);
    else if (c === 0x09) out += "\\t";
    else if (c === 0x0a) out += "\\n";
    else if (c === 0x0d) out += "\\r";
    else if (c < 0x20 || c >= 0x7f) out += `\\x${hex(c, 2)}`;
    else out += String.fromCharCode(c);
  }
  return out + quote;
}
