// %ast SOURCE and %%ast: the syntax tree the parser makes of some source, drawn top down
// (see glass/astview.ts). `%ast` reads its line as an expression when it is one (the tree
// of ast.parse(line, mode="eval")), else as statements; `%%ast` reads the cell as a module.
// Options come first: `--positions` (or `-p`) shows each node's source span, `--mode
// exec|eval|single` chooses how the source is read.

import type { PyObject } from "../engine.ts";
import { UsageError } from "../magics.ts";
import type { Session } from "../session.ts";
import { parse } from "../../compiler/parser.ts";
import { CompileError } from "../../compiler/compile.ts";
import { astBundle, type AstView, astView } from "../../glass/astview.ts";

type Mode = "exec" | "eval" | "single";

/** Leading options of an %ast line, and the source after them. */
function astOptions(
  magic: string,
  line: string,
): { positions: boolean; mode: Mode | null; rest: string } {
  let rest = line.trimStart();
  let positions = false;
  let mode: Mode | null = null;
  for (;;) {
    const m = /^(--positions|-p|--mode(?:=|\s+)(\S+))(?:\s+|$)/.exec(rest);
    if (m === null) break;
    if (m[2] !== undefined) {
      if (m[2] !== "exec" && m[2] !== "eval" && m[2] !== "single") {
        throw new UsageError(`%${magic} --mode is exec, eval or single, not ${m[2]}`);
      }
      mode = m[2];
    } else positions = true;
    rest = rest.slice(m[0].length);
  }
  return { positions, mode, rest };
}

/**
 * The tree of `source` read in `mode` (null: as an expression when it is one, else as
 * statements). A syntax error is raised as Python's SyntaxError, as compile() raises it.
 */
export function astOf(session: Session, source: string, mode: Mode | null): AstView {
  const read = (m: Mode) => parse(source, { filename: "<unknown>", mode: m });
  try {
    if (mode !== null) return astView(read(mode));
    try {
      return astView(read("eval"));
    } catch (e) {
      if (!(e instanceof CompileError)) throw e;
      return astView(read("exec"));
    }
  } catch (e) {
    if (!(e instanceof CompileError)) throw e;
    // let the engine's compile() raise the SyntaxError CPython would
    const code = session.engine.compile(source, "<unknown>", mode ?? "exec");
    session.engine.release([code]);
    throw e;
  }
}

function show(session: Session, v: AstView, positions: boolean): void {
  if (!session.isSilent) session.displayData({ data: astBundle(v, positions), metadata: {} });
}

/** `%ast [--positions] [--mode MODE] SOURCE` */
export function ast(session: Session, line: string): PyObject | null {
  const o = astOptions("ast", line);
  if (o.rest.trim() === "") throw new UsageError("%ast needs source, as %ast a + b * 2");
  show(session, astOf(session, o.rest.trim(), o.mode), o.positions);
  return null;
}

/** `%%ast [--positions] [--mode MODE]`: the cell's tree. */
export function astCell(session: Session, line: string, cell: string): PyObject | null {
  const o = astOptions("ast", line);
  if (o.rest.trim() !== "") throw new UsageError(`%%ast takes options only, not ${o.rest.trim()}`);
  show(session, astOf(session, cell, o.mode ?? "exec"), o.positions);
  return null;
}
