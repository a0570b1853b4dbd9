// Magics, as IPython spells them: `%name args` is a line magic, a cell whose first line is
// `%%name args` runs the cell magic `name` on the rest of the cell. The registry maps names
// to functions; later issues add their own magics with `register`.

import type { PyObject } from "./engine.ts";
import type { Session } from "./session.ts";

/** IPython's UsageError: shown as one line on stderr, the cell's status is "error". */
export class UsageError extends Error {
  override name = "UsageError";
}

/** A line magic: `%name line`. Returns a value to display (a new reference), or null. */
export type LineMagic = (session: Session, line: string) => PyObject | null;
/** A cell magic: `%%name line` then the cell. Returns a value to display, or null. */
export type CellMagic = (session: Session, line: string, cell: string) => PyObject | null;

export class MagicRegistry {
  readonly line = new Map<string, LineMagic>();
  readonly cell = new Map<string, CellMagic>();

  registerLine(name: string, fn: LineMagic): void {
    this.line.set(name, fn);
  }

  registerCell(name: string, fn: CellMagic): void {
    this.cell.set(name, fn);
  }

  lineMagic(name: string): LineMagic {
    const fn = this.line.get(name);
    if (fn === undefined) throw new UsageError(`Line magic function \`%${name}\` not found.`);
    return fn;
  }

  cellMagic(name: string): CellMagic {
    const fn = this.cell.get(name);
    if (fn === undefined) throw new UsageError(`Cell magic \`%%${name}\` not found.`);
    return fn;
  }
}

/** `%name rest` split as IPython splits it: the name runs to the first whitespace. */
export function splitMagic(text: string): { name: string; line: string } {
  const m = /^(\S*)\s*([\s\S]*)$/.exec(text)!;
  return { name: m[1], line: m[2] };
}

/** Python's repr of a str, for the transformed source IPython records in `In`. */
export function pyStrRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === quote || ch === "\\") out += "\\" + ch;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (c < 0x20 || c === 0x7f) out += "\\x" + c.toString(16).padStart(2, "0");
    else out += ch;
  }
  return out + quote;
}
