// `dis FILE.py`: prints the module's disassembly as `python3 -m dis FILE.py` does (frozenset
// constants in the order the VM's sets give their items, as CPython's do).

import { UsageError } from "./main.ts";
import { CannotOpen, readSource } from "./source.ts";
import { compile, CompileError, formatSyntaxError } from "../runtime/compiler/compile.ts";
import { disText } from "../runtime/compiler/disassemble.ts";
import { decodeSource } from "../runtime/compiler/decode.ts";
import { vmConstRepr } from "../runtime/modules/_dis.ts";

export function dis(args: string[]): Promise<number> {
  if (args.length !== 1) throw new UsageError("dis needs exactly one FILE.py");
  let bytes: Uint8Array;
  try {
    bytes = readSource(args[0]);
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
  try {
    const code = compile(decodeSource(bytes, { filename: args[0] }), {
      filename: args[0],
      mode: "exec",
      byteOffsets: true,
    });
    Deno.stdout.writeSync(new TextEncoder().encode(disText(code, false, vmConstRepr(code))));
    return Promise.resolve(0);
  } catch (e) {
    if (!(e instanceof CompileError)) throw e;
    Deno.stderr.writeSync(new TextEncoder().encode(formatSyntaxError(e)));
    return Promise.resolve(1);
  }
}
