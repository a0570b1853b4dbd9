// The identity of a constant in co_consts, as _PyCode_ConstantKey makes it: equal values
// of the same type share one entry, but 1, 1.0, True and 0.0, -0.0 stay apart. Code
// objects are equal as code_richcompare has it (same name, signature, flags, first line,
// code, constants, names, variables, line and exception tables), so compiling the same
// lambda or comprehension twice (a while loop's condition is compiled twice) yields one
// constant.

import type { CodeUnit, Constant } from "./code.ts";

const codeKeys = new WeakMap<CodeUnit, string>();

let nans = 0;

/**
 * Every NaN is its own constant: CPython compares keys with ==, and the NaNs folding
 * makes are distinct objects.
 */
function floatKey(x: number): string {
  if (x === 0) return Object.is(x, -0) ? "-0" : "0";
  if (Number.isNaN(x)) return "nan#" + ++nans;
  return String(x);
}

/**
 * Parts joined with length prefixes: unambiguous without escaping, so a key nested in
 * another (a code object's constants) is copied, not re-escaped at each level.
 */
function seq(parts: readonly string[]): string {
  let s = "";
  for (const p of parts) s += p.length + ":" + p;
  return s;
}

function bytesKey(b: Uint8Array): string {
  let s = "";
  for (const x of b) s += String.fromCharCode(x);
  return s;
}

/** A string that two constants share exactly when CPython merges them. */
export function constKey(c: Constant): string {
  if (c === null) return "N";
  if (c === true) return "T";
  if (c === false) return "F";
  switch (typeof c) {
    case "bigint":
      return "i" + c.toString();
    case "number":
      return "f" + floatKey(c);
    case "string":
      return "s" + c;
  }
  if (c instanceof Uint8Array) return "b" + bytesKey(c);
  switch (c.kind) {
    case "complex":
      return "c" + floatKey(c.real) + "," + floatKey(c.imag);
    case "ellipsis":
      return "E";
    case "tuple":
      return "t" + seq(c.items.map(constKey));
    case "frozenset":
      return "z" + seq(c.items.map(constKey).sort());
    case "code": {
      let key = codeKeys.get(c);
      if (key === undefined) {
        key = "o" + seq([
          c.name,
          String(c.argcount),
          String(c.posonlyargcount),
          String(c.kwonlyargcount),
          String(c.flags),
          String(c.firstlineno),
          bytesKey(c.code),
          seq(c.consts.map(constKey)),
          seq(c.names),
          seq(c.localsplusnames),
          bytesKey(c.linetable),
          bytesKey(c.exceptiontable),
        ]);
        codeKeys.set(c, key);
      }
      return key;
    }
  }
}
