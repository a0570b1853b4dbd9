// SVG checks for the glass views: an SVG must parse as XML (by Python's own parser, run
// as a child process: Deno has no XML parser), and its text is what the picture says.

const SCRIPT = `
import json, sys
import xml.etree.ElementTree as ET
root = ET.fromstring(sys.stdin.buffer.read())
texts = [t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text")]
print(json.dumps({"root": root.tag, "texts": texts}))
`;

export interface ParsedSvg {
  /** The root element's tag, with its namespace: `{http://www.w3.org/2000/svg}svg` */
  root: string;
  /** The text of every <text> element, in document order */
  texts: string[];
}

/** Parses an SVG as XML; throws with the parser's message when it is not well-formed. */
export async function parseSvg(svg: string): Promise<ParsedSvg> {
  const child = new Deno.Command("/usr/bin/python3", {
    args: ["-c", SCRIPT],
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const w = child.stdin.getWriter();
  await w.write(new TextEncoder().encode(svg));
  await w.close();
  const out = await child.output();
  if (out.code !== 0) {
    throw new Error(`the SVG is not well-formed XML:\n${new TextDecoder().decode(out.stderr)}`);
  }
  return JSON.parse(new TextDecoder().decode(out.stdout));
}

export const SVG_ROOT = "{http://www.w3.org/2000/svg}svg";
