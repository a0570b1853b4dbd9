// hash() of str and bytes as CPython 3.11 computes it on 64-bit Linux (Python/pyhash.c):
// SipHash-1-3 over the object's bytes, keyed by the interpreter's hash secret. glasspy
// answers as CPython does under PYTHONHASHSEED=0, which zeroes the secret, so the key is
// (0, 0). An empty input hashes to 0, and a result of -1 becomes -2 (-1 means "error" in C).
//
// A str is hashed over its internal representation (PEP 393): one byte per character when
// every code point is below 256, two little-endian bytes when below 65536, four otherwise.

/** A 64-bit value as two unsigned 32-bit halves. */
export interface Hash64 {
  hi: number;
  lo: number;
}

// SipHash state: v0..v3 as (hi, lo) pairs, in one preallocated array.
const v = new Uint32Array(8);
const V0 = 0, V1 = 2, V2 = 4, V3 = 6;

// a += b (64-bit, wrapping)
function add(a: number, b: number): void {
  const lo = v[a + 1] + v[b + 1];
  v[a] = v[a] + v[b] + (lo > 0xffffffff ? 1 : 0);
  v[a + 1] = lo;
}

// x = rotl(x, s) ^ y
function rotlXor(x: number, s: number, y: number): void {
  let hi = v[x];
  let lo = v[x + 1];
  if (s >= 32) {
    const t = hi;
    hi = lo;
    lo = t;
    s -= 32;
  }
  if (s > 0) {
    const h = (hi << s) | (lo >>> (32 - s));
    lo = (lo << s) | (hi >>> (32 - s));
    hi = h;
  }
  v[x] = hi ^ v[y];
  v[x + 1] = lo ^ v[y + 1];
}

// x = rotl(x, 32)
function swapHalves(x: number): void {
  const t = v[x];
  v[x] = v[x + 1];
  v[x + 1] = t;
}

function halfRound(a: number, b: number, c: number, d: number, s: number, t: number): void {
  add(a, b);
  add(c, d);
  rotlXor(b, s, a);
  rotlXor(d, t, c);
  swapHalves(a);
}

function sipRound(): void {
  halfRound(V0, V1, V2, V3, 13, 16);
  halfRound(V2, V1, V0, V3, 17, 21);
}

function xorInto(x: number, hi: number, lo: number): void {
  v[x] ^= hi;
  v[x + 1] ^= lo;
}

/** SipHash-1-3 of data with key (0, 0), as an unsigned 64-bit (hi, lo) pair. */
export function siphash13(data: Uint8Array): Hash64 {
  // the key's halves are zero, so v_i starts as the constants ("somepseudorandomlygeneratedbytes")
  v[V0] = 0x736f6d65, v[V0 + 1] = 0x70736575;
  v[V1] = 0x646f7261, v[V1 + 1] = 0x6e646f6d;
  v[V2] = 0x6c796765, v[V2 + 1] = 0x6e657261;
  v[V3] = 0x74656462, v[V3 + 1] = 0x79746573;
  const n = data.length;
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    const lo = (data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24)) >>> 0;
    const hi = (data[i + 4] | (data[i + 5] << 8) | (data[i + 6] << 16) | (data[i + 7] << 24)) >>>
      0;
    xorInto(V3, hi, lo);
    sipRound();
    xorInto(V0, hi, lo);
  }
  // the last 0..7 bytes, little-endian, with the length in the top byte
  let lo = 0;
  let hi = (n & 0xff) << 24;
  for (let k = 0; i + k < n; k++) {
    if (k < 4) lo |= data[i + k] << (8 * k);
    else hi |= data[i + k] << (8 * (k - 4));
  }
  lo >>>= 0;
  hi >>>= 0;
  xorInto(V3, hi, lo);
  sipRound();
  xorInto(V0, hi, lo);
  v[V2 + 1] ^= 0xff;
  sipRound();
  sipRound();
  sipRound();
  return {
    hi: (v[V0] ^ v[V1] ^ v[V2] ^ v[V3]) >>> 0,
    lo: (v[V0 + 1] ^ v[V1 + 1] ^ v[V2 + 1] ^ v[V3 + 1]) >>> 0,
  };
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
