// %dis and %%dis: bytecode, as dis.dis prints it. `%dis NAME_OR_EXPR` disassembles the
// object the expression gives; `%%dis` the cell's own code objects, compiled as the shell
// compiles a cell (one code object per top-level statement) and not run.

import type { PyObject } from "../engine.ts";
import { UsageError } from "../magics.ts";
import type { Session } from "../session.ts";

/** `%dis NAME_OR_EXPR` */
export function dis(session: Session, line: string): PyObject | null {
  const source = line.trim();
  if (source === "") throw new UsageError("%dis needs a name or an expression, as %dis f");
  const e = session.engine;
  const code = e.compile(source, "<dis>", "eval");
  try {
    const value = e.evaluate(code);
    try {
      session.write("stdout", e.disassemble(value));
    } finally {
      e.decref(value);
    }
  } finally {
    e.release([code]);
  }
  return null;
}

/** `%%dis`: the cell's bytecode, statement by statement. */
export function disCell(session: Session, _line: string, cell: string): PyObject | null {
  const e = session.engine;
  const codes = e.compileCell(cell, "<dis>", true);
  try {
    session.write("stdout", codes.map((c) => e.disassembleCode(c)).join("\n"));
  } finally {
    e.release(codes);
  }
  return null;
}
