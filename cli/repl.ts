// `repl`: an interactive prompt in the manner of CPython's.

import { UsageError } from "./main.ts";
import { notBuiltYet } from "./notyet.ts";

export function repl(args: string[]): Promise<number> {
  if (args.length > 0) throw new UsageError(`repl takes no arguments, got '${args[0]}'`);
  return Promise.resolve(notBuiltYet("repl", "the eval loop"));
}
