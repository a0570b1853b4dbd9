// hash() of str and bytes as CPython 3.11 computes it on 64-bit Linux (Python/pyhash.c):
// SipHash-1-3 over the object's bytes, keyed by the interpreter's hash secret. glasspy
// answers as CPython does under PYTHONHASHSEED=0, which zeroes the secret, so the key is
// (0, 0). An empty input hashes to 0, and a result of -1 becomes -2 (-1 means "error" in C).
//
// A str is hashed over its internal representation (PEP 393): one byte per character when
// every code point is below 256, two little-endian bytes when below 65536, four otherwise.

import { sipHashBytes } from "./siphash.ts";
import { Hash } from "./pyhash.ts";

/** A 64-bit value as two unsigned 32-bit halves. */
export interface Hash64 {
  hi: number;
  lo: number;
}

/** SipHash-1-3 of data with key (0, 0), as an unsigned 64-bit (hi, lo) pair (siphash.ts). */
export function siphash13(data: Uint8Array): Hash64 {
  const lo = sipHashBytes(data);
  return { hi: Hash.hi >>> 0, lo: lo >>> 0 };
}

/** A (hi, lo) pair read as a signed 64-bit Py_hash_t, with -1 turned into -2. */
export function toPyHash(h: Hash64): bigint {
  const x = BigInt.asIntN(64, (BigInt(h.hi) << 32n) | BigInt(h.lo));
  return x === -1n ? -2n : x;
}

/** The bytes CPython hashes for a str: its PEP 393 representation. */
export function strHashBytes(s: string): Uint8Array {
  const cps: number[] = [];
  let max = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    cps.push(cp);
    if (cp > max) max = cp;
  }
  const width = max < 0x100 ? 1 : max < 0x10000 ? 2 : 4;
  const out = new Uint8Array(cps.length * width);
  for (let i = 0; i < cps.length; i++) {
    for (let k = 0; k < width; k++) out[i * width + k] = (cps[i] >>> (8 * k)) & 0xff;
  }
  return out;
}

/** hash(s) for a str under PYTHONHASHSEED=0. */
export function hashStr(s: string): bigint {
  return s.length === 0 ? 0n : toPyHash(siphash13(strHashBytes(s)));
}

/** hash(b) for bytes under PYTHONHASHSEED=0. */
export function hashBytes(b: Uint8Array): bigint {
  return b.length === 0 ? 0n : toPyHash(siphash13(b));
}
