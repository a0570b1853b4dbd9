// codeop.compile_command, with the flags IPython's check_complete uses: whether source is
// a complete statement, could become one with more lines ("incomplete"), or is a syntax
// error ("invalid"). It decides with the real compiler, as CPython's codeop does.

import { compile, CompileError } from "../compiler/compile.ts";
import { PyCF } from "../compiler/code.ts";

const FLAGS = PyCF.DONT_IMPLY_DEDENT | PyCF.ALLOW_INCOMPLETE_INPUT | PyCF.ALLOW_TOP_LEVEL_AWAIT;

class Warned extends Error {}

function tryCompile(source: string, incomplete: boolean): void {
  compile(source, {
    filename: "<input>",
    mode: "exec",
    flags: incomplete ? FLAGS : PyCF.ALLOW_TOP_LEVEL_AWAIT,
    // check_complete runs codeop with SyntaxWarning turned into an error
    warn: (category) => {
      if (category === "SyntaxWarning") throw new Warned();
    },
  });
}

function isSyntaxError(e: unknown): boolean {
  return e instanceof CompileError || e instanceof Warned;
}

/** codeop._maybe_compile(Compile(), source, "<input>", "exec"), as a verdict. */
export function compileCommand(source: string): "complete" | "incomplete" | "invalid" {
  if (source.split("\n").every((l) => l.trim() === "" || l.trim().startsWith("#"))) {
    source = "pass";
  }
  try {
    tryCompile(source, true);
    return "complete";
  } catch (e) {
    if (!isSyntaxError(e)) throw e;
    try {
      tryCompile(source + "\n", true);
      return "incomplete";
    } catch (e2) {
      if (!isSyntaxError(e2)) throw e2;
      if (e2 instanceof CompileError && e2.msg.includes("incomplete input")) return "incomplete";
    }
  }
  try {
    tryCompile(source, false);
    return "complete";
  } catch (e) {
    if (!isSyntaxError(e)) throw e;
    return "invalid";
  }
}
