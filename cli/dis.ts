// `dis FILE.py`: prints the module's disassembly as `python3 -m dis FILE.py` does.

import { UsageError } from "./main.ts";
import { notBuiltYet } from "./notyet.ts";
import { CannotOpen, readSource } from "./source.ts";

export function dis(args: string[]): Promise<number> {
  if (args.length !== 1) throw new UsageError("dis needs exactly one FILE.py");
  try {
    readSource(args[0]);
  } catch (e) {
    if (!(e instanceof CannotOpen)) throw e;
    // argparse's wording in Lib/dis.py's command line
    console.error(
      `usage: dis.py [-h] [infile]\ndis.py: error: argument infile: can't open '${
        args[0]
      }': ${e.reason}: '${args[0]}'`,
    );
    return Promise.resolve(2);
  }
  return Promise.resolve(notBuiltYet("dis", "the compiler"));
}
