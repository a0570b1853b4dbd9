// The function %timeit times, built as IPython builds it: the statements to run are parsed
// on their own and put, as trees, into a small timing function, so that they keep their
// own line numbers and a multi-line string in them is not re-indented. The function runs
// `setup` once, then `stmt` once per item of `_it`, and returns the loop's duration read
// from `_timer`; its globals are the user's namespace (the engine binds it there).

import { parse } from "../compiler/parser.ts";
import type * as A from "../compiler/ast.ts";

const TIMING_FUNCTION = `def inner(_it, _timer):
    setup
    _t0 = _timer()
    for _i in _it:
        stmt
    _t1 = _timer()
    return _t1 - _t0
`;

/** The module `def inner(_it, _timer): ...` with setup and stmt in place. Throws CompileError. */
export function timingModule(setup: string, stmt: string): A.Module {
  const statements = (source: string) =>
    (parse(source, { filename: "<magic-timeit>", mode: "exec" }) as A.Module).body;
  const module = parse(TIMING_FUNCTION, { filename: "<magic-timeit>", mode: "exec" }) as A.Module;
  const inner = module.body[0] as A.FunctionDef;
  // the first statement of the function is the setup's place, the loop's body the stmt's
  inner.body.splice(0, 1, ...statements(setup));
  const loop = inner.body.find((s): s is A.For => s._type === "For")!;
  loop.body = statements(stmt);
  return module;
}
