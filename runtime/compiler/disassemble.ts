// The disassembly of a CodeUnit as `python3 -m dis` prints it, with the compiler's own
// constant reprs (frozensets in source order, code objects at made-up addresses).

import { CO_FAST, type CodeUnit, type Constant } from "./code.ts";
import { codeRepr, constRepr } from "./constrepr.ts";
import { codeInfo, disassembleRecursive, type DisCode } from "./dis.ts";

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

/** repr() of a constant, given the repr of code objects (constRepr's signature). */
export type ConstReprFunction = (c: Constant, code: (u: CodeUnit) => string) => string;

/**
 * dis.dis(code) for a compiled module (or any CodeUnit). `repr` writes the constants; the
 * default lists frozenset items in source order, where CPython lists them in its sets'
 * order (the VM passes its own, see modules/_dis.ts).
 */
export function disText(
  code: CodeUnit,
  showCaches = false,
  repr: ConstReprFunction = constRepr,
): string {
  return disassembleRecursive<Constant>(code as DisCode<Constant>, {
    reprConst: (c) => repr(c, (u) => codeRepr(u, addressOf(u))),
    asCode: (
      c,
    ) => (typeof c === "object" && c !== null && !(c instanceof Uint8Array) && c.kind === "code"
      ? c
      : null),
    showCaches,
  });
}

/** co_varnames, co_cellvars and co_freevars of a CodeUnit (the kinds of its localsplus). */
export function localsplusKinds(
  code: CodeUnit,
): { varnames: string[]; cellvars: string[]; freevars: string[] } {
  const pick = (kind: number) =>
    code.localsplusnames.filter((_, i) => (code.localspluskinds[i] & kind) !== 0);
  return {
    varnames: pick(CO_FAST.LOCAL),
    cellvars: pick(CO_FAST.CELL),
    freevars: pick(CO_FAST.FREE),
  };
}

/** dis.code_info(code) for a CodeUnit. */
export function codeInfoText(code: CodeUnit): string {
  const vars = localsplusKinds(code);
  return codeInfo<Constant>({ ...code, ...vars, nlocals: vars.varnames.length }, reprConst);
}
