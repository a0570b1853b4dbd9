// `run FILE.py [ARGS...]`: runs a Python file as `python3 FILE.py [ARGS...]` does.

import { UsageError } from "./main.ts";
import { notBuiltYet } from "./notyet.ts";
import { CannotOpen, readSource } from "./source.ts";

export function run(args: string[]): Promise<number> {
  const [file] = args;
  if (file === undefined) throw new UsageError("run needs a FILE.py");
  try {
    readSource(file);
  } catch (e) {
    if (!(e instanceof CannotOpen)) throw e;
    console.error(`glasspy: ${e.message}`);
    return Promise.resolve(2);
  }
  return Promise.resolve(notBuiltYet("run", "the eval loop"));
}
