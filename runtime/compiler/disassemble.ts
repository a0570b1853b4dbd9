// The disassembly of a CodeUnit as `python3 -m dis` prints it, with the compiler's own
// constant reprs (frozensets in source order, code objects at made-up addresses).

import type { CodeUnit, Constant } from "./code.ts";
import { codeRepr, constRepr } from "./constrepr.ts";
import { disassembleRecursive, type DisCode } from "./dis.ts";

const addresses = new WeakMap<CodeUnit, string>();
let nextAddress = 0x7f0000000000;

/** A stable made-up address for a code object (dis output shows one). */
function addressOf(code: CodeUnit): string {
  let a = addresses.get(code);
  if (a === undefined) {
    a = "0x" + (nextAddress += 0x1000).toString(16);
    addresses.set(code, a);
  }
  return a;
}

function reprConst(c: Constant): string {
  return constRepr(c, (u) => codeRepr(u, addressOf(u)));
}

/** dis.dis(code) for a compiled module (or any CodeUnit). */
export function disText(code: CodeUnit, showCaches = false): string {
  return disassembleRecursive<Constant>(code as DisCode<Constant>, {
    reprConst,
    asCode: (
      c,
    ) => (typeof c === "object" && c !== null && !(c instanceof Uint8Array) && c.kind === "code"
      ? c
      : null),
    showCaches,
  });
}
