// repr() of a compile-time constant, as CPython 3.11 prints it in `dis` listings and
// `ast.dump`: floats, strs and bytes through the object layer's repr functions, complex
// numbers as complex_repr writes them, tuples and frozensets around their items.

import type { CodeUnit, Constant } from "./code.ts";
import { floatRepr } from "../objects/floatrepr.ts";
import { bytesRepr, strRepr } from "../objects/strrepr.ts";

/** repr() of a float as complex_repr formats each part: like float repr, without ".0". */
function complexPart(x: number, sign: boolean): string {
  let s = floatRepr(x);
  if (s.endsWith(".0")) s = s.slice(0, -2);
  if (sign && !s.startsWith("-")) s = "+" + s;
  return s;
}

/** repr() of a complex number (Objects/complexobject.c complex_repr). */
export function complexRepr(real: number, imag: number): string {
  if (real === 0 && !Object.is(real, -0)) return complexPart(imag, false) + "j";
  return `(${complexPart(real, false)}${complexPart(imag, true)}j)`;
}

/** The repr of a code object, with the address the caller gives (`<code object f at 0x...>`). */
export function codeRepr(code: CodeUnit, address = "0x0"): string {
  return `<code object ${code.name} at ${address}, file "${code.filename}", line ${code.firstlineno}>`;
}

/**
 * Python's repr() of a constant. Frozenset items come out in the order the source listed
 * them; CPython prints them in set iteration order, which only the VM's sets know.
 */
export function constRepr(c: Constant, code: (c: CodeUnit) => string = (u) => codeRepr(u)): string {
  if (c === null) return "None";
  if (c === true) return "True";
  if (c === false) return "False";
  switch (typeof c) {
    case "bigint":
      return c.toString();
    case "number":
      return floatRepr(c);
    case "string":
      return strRepr(c);
  }
  if (c instanceof Uint8Array) return bytesRepr(c);
  switch (c.kind) {
    case "complex":
      return complexRepr(c.real, c.imag);
    case "ellipsis":
      return "Ellipsis";
    case "tuple":
      if (c.items.length === 1) return `(${constRepr(c.items[0], code)},)`;
      return `(${c.items.map((x) => constRepr(x, code)).join(", ")})`;
    case "frozenset":
      if (c.items.length === 0) return "frozenset()";
      return `frozenset({${c.items.map((x) => constRepr(x, code)).join(", ")}})`;
    case "code":
      return code(c);
  }
}
