// SipHash-1-3 (Python/pyhash.c, the str and bytes hash since 3.11) as a small WebAssembly
// function. JavaScript numbers have no 64-bit integers, and SipHash is nothing but 64-bit
// additions, rotations and xors: done on int32 halves it costs several times what one
// i64 instruction does. The module is assembled below from named instructions; its text
// form is in the comments. The key is (0, 0), CPython's under PYTHONHASHSEED=0.
//
// Memory layout: bytes 0..7 receive the 64-bit hash, the message starts at byte 16.

import { Hash } from "./pyhash.ts";

/** Where the message starts in the module's memory. */
const DATA = 16;

// ---- the assembler: just what this one function needs ----------------------------------------

const I64 = 0x7e, I32 = 0x7f;
const op = {
  block: 0x02,
  loop: 0x03,
  br: 0x0c,
  br_if: 0x0d,
  end: 0x0b,
  local_get: 0x20,
  local_set: 0x21,
  local_tee: 0x22,
  i64_load: 0x29,
  i64_store: 0x37,
  i32_const: 0x41,
  i64_const: 0x42,
  i32_ge_u: 0x4f,
  i32_add: 0x6a,
  i32_and: 0x71,
  i32_shl: 0x74,
  i64_add: 0x7c,
  i64_sub: 0x7d,
  i64_and: 0x83,
  i64_or: 0x84,
  i64_xor: 0x85,
  i64_shl: 0x86,
  i64_rotl: 0x89,
  i32_wrap_i64: 0xa7,
  i64_extend_i32_u: 0xad,
} as const;

/** Signed LEB128 of a bigint (i64.const immediates). */
function sleb(v: bigint): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = Number(v & 0x7fn);
    v >>= 7n;
    const done = (v === 0n && (byte & 0x40) === 0) || (v === -1n && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

/** Unsigned LEB128 (sizes, indices). */
function uleb(v: number): number[] {
  const out: number[] = [];
  do {
    let byte = v & 0x7f;
    v >>>= 7;
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
  return out;
}

function section(id: number, body: number[]): number[] {
  return [id, ...uleb(body.length), ...body];
}

function name(s: string): number[] {
  return [...uleb(s.length), ...[...s].map((c) => c.charCodeAt(0))];
}

// locals: 0 = n (the parameter: message length in bytes), 1..4 = v0..v3, 5 = m, 6 = p, 7 = end
const N = 0, V0 = 1, V1 = 2, V2 = 3, V3 = 4, M = 5, P = 6, END = 7;
const get = (x: number) => [op.local_get, x];
const set = (x: number) => [op.local_set, x];

/** a += b; a = a (i64) */
const addInto = (a: number, b: number) => [...get(a), ...get(b), op.i64_add, ...set(a)];
/** a = rotl(a, k) ^ b */
const rotXor = (a: number, k: number, b: number) => [
  ...get(a),
  op.i64_const,
  ...sleb(BigInt(k)),
  op.i64_rotl,
  ...get(b),
  op.i64_xor,
  ...set(a),
];
/** a = rotl(a, 32) */
const rot32 = (a: number) => [...get(a), op.i64_const, ...sleb(32n), op.i64_rotl, ...set(a)];
/** a ^= b */
const xorInto = (a: number, b: number) => [...get(a), ...get(b), op.i64_xor, ...set(a)];

/**
 * SIPROUND:  v0 += v1; v1 = rotl(v1,13) ^ v0; v0 = rotl(v0,32);
 *            v2 += v3; v3 = rotl(v3,16) ^ v2;
 *            v0 += v3; v3 = rotl(v3,21) ^ v0;
 *            v2 += v1; v1 = rotl(v1,17) ^ v2; v2 = rotl(v2,32)
 */
const sipRound = [
  ...addInto(V0, V1),
  ...rotXor(V1, 13, V0),
  ...rot32(V0),
  ...addInto(V2, V3),
  ...rotXor(V3, 16, V2),
  ...addInto(V0, V3),
  ...rotXor(V3, 21, V0),
  ...addInto(V2, V1),
  ...rotXor(V1, 17, V2),
  ...rot32(V2),
];

/** v3 ^= m; SIPROUND; v0 ^= m (one compression round: SipHash-1-x) */
const compress = [...xorInto(V3, M), ...sipRound, ...xorInto(V0, M)];

const constant = (x: number, v: bigint) => [op.i64_const, ...sleb(BigInt.asIntN(64, v)), ...set(x)];

/**
 * (func $hash (param $n i32) (result i32)
 *   v0..v3 = "somepseudorandomlygeneratedbytes" (the key is zero)
 *   p = 16; end = 16 + (n & ~7)
 *   block loop: if p >= end break; m = i64.load(p); compress; p += 8
 *   m = (n << 56) | (i64.load(end) & ((1 << 8 * (n & 7)) - 1)); compress
 *   v2 ^= 0xff; SIPROUND x 3
 *   i64.store(0, v0 ^ v1 ^ v2 ^ v3); return the low 32 bits)
 */
const body = [
  ...constant(V0, 0x736f6d6570736575n),
  ...constant(V1, 0x646f72616e646f6dn),
  ...constant(V2, 0x6c7967656e657261n),
  ...constant(V3, 0x7465646279746573n),
  op.i32_const,
  ...sleb(BigInt(DATA)),
  ...set(P),
  ...get(N),
  op.i32_const,
  ...sleb(-8n),
  op.i32_and,
  op.i32_const,
  ...sleb(BigInt(DATA)),
  op.i32_add,
  ...set(END),
  op.block,
  0x40,
  op.loop,
  0x40,
  ...get(P),
  ...get(END),
  op.i32_ge_u,
  op.br_if,
  1,
  ...get(P),
  op.i64_load,
  3,
  0,
  ...set(M),
  ...compress,
  ...get(P),
  op.i32_const,
  8,
  op.i32_add,
  ...set(P),
  op.br, // back to the loop's start
  0,
  op.end,
  op.end,
  // the last block: the length's low byte on top, the 0..7 remaining bytes below
  ...get(N),
  op.i64_extend_i32_u,
  op.i64_const,
  ...sleb(56n),
  op.i64_shl,
  ...get(END),
  op.i64_load,
  3,
  0,
  op.i64_const,
  1,
  ...get(N),
  op.i32_const,
  7,
  op.i32_and,
  op.i32_const,
  3,
  op.i32_shl,
  op.i64_extend_i32_u,
  op.i64_shl,
  op.i64_const,
  1,
  op.i64_sub,
  op.i64_and,
  op.i64_or,
  ...set(M),
  ...compress,
  ...get(V2),
  op.i64_const,
  ...sleb(0xffn),
  op.i64_xor,
  ...set(V2),
  ...sipRound,
  ...sipRound,
  ...sipRound,
  // the result: stored for its high half, returned for its low one
  op.i32_const,
  0,
  ...get(V0),
  ...get(V1),
  op.i64_xor,
  ...get(V2),
  op.i64_xor,
  ...get(V3),
  op.i64_xor,
  op.local_tee,
  M,
  op.i64_store,
  3,
  0,
  ...get(M),
  op.i32_wrap_i64,
  op.end,
];

const locals = [2, ...uleb(5), I64, ...uleb(2), I32]; // v0..v3 and m: i64; p and end: i32
const funcBody = [...locals, ...body];

const moduleBytes = new Uint8Array([
  0x00,
  0x61,
  0x73,
  0x6d, // "\0asm"
  0x01,
  0x00,
  0x00,
  0x00, // version 1
  ...section(1, [1, 0x60, 1, I32, 1, I32]), // type 0: (i32) -> i32
  ...section(3, [1, 0]), // function 0 has type 0
  ...section(5, [1, 0x00, 1]), // one memory, at least one page
  ...section(7, [2, ...name("hash"), 0x00, 0, ...name("memory"), 0x02, 0]),
  ...section(10, [1, ...uleb(funcBody.length), ...funcBody]),
]);

const instance = new WebAssembly.Instance(new WebAssembly.Module(moduleBytes));
const wasmHash = instance.exports.hash as (n: number) => number;
const memory = instance.exports.memory as WebAssembly.Memory;
let bytes = new Uint8Array(memory.buffer);
let words = new Int32Array(memory.buffer);

/** Grows the memory to hold a message of nbytes (and the 8 bytes the last load reads). */
function reserve(nbytes: number): void {
  const need = DATA + nbytes + 8;
  if (need <= bytes.length) return;
  memory.grow(Math.ceil((need - bytes.length) / 65536));
  bytes = new Uint8Array(memory.buffer);
  words = new Int32Array(memory.buffer);
}

/**
 * SipHash-1-3 of s read as `width`-byte little-endian characters (1: every character below
 * 256; 2: below 65536, no surrogate pairs; 4: code points, surrogate pairs combined), as
 * CPython hashes a str of that PEP 393 kind: the low word is returned and the high word
 * left in Hash.hi.
 */
export function sipHashChars(s: string, width: number): number {
  const n = s.length;
  if (n * width + DATA + 8 > bytes.length) reserve(n * width);
  const b = bytes;
  let end = DATA;
  if (width === 1) {
    for (let i = 0; i < n; i++) b[end++] = s.charCodeAt(i);
  } else if (width === 2) {
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      b[end++] = c;
      b[end++] = c >>> 8;
    }
  } else {
    for (let i = 0; i < n; i++) {
      let c = s.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
        const d = s.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          c = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
          i++;
        }
      }
      b[end++] = c;
      b[end++] = c >>> 8;
      b[end++] = c >>> 16;
      b[end++] = 0;
    }
  }
  const lo = wasmHash(end - DATA);
  Hash.hi = words[1];
  return lo;
}

/** SipHash-1-3 of a byte array: the low word is returned, the high one left in Hash.hi. */
export function sipHashBytes(data: Uint8Array): number {
  if (data.length + DATA + 8 > bytes.length) reserve(data.length);
  bytes.set(data, DATA);
  const lo = wasmHash(data.length);
  Hash.hi = words[1];
  return lo;
}
