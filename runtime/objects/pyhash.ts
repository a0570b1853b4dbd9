// Py_hash_t (Python/pyhash.c, Include/pyhash.h): hashes are 64-bit signed integers, which a
// JavaScript number cannot hold exactly. A hash is therefore passed as two 32-bit halves:
// hash functions return the low half (as a signed int32) and leave the high half in
// `Hash.hi`, which the caller reads at once. Dicts and sets store both halves, so their
// probe sequences (which shift the whole 64-bit value) are CPython's exactly.

/** The high 32 bits of the last hash computed. Read it right after the hash call. */
export const Hash = { hi: 0 };

/** _PyHASH_MODULUS = 2**61 - 1, the prime that numeric hashes reduce by. */
export const PyHASH_MODULUS = (1n << 61n) - 1n;
export const PyHASH_BITS = 61;
export const PyHASH_INF = 314159;

const TWO32 = 4294967296;

/** Sets Hash.hi and returns the low half for a hash that is a safe JavaScript integer. */
export function hashFromNumber(v: number): number {
  Hash.hi = Math.floor(v / TWO32) | 0;
  return v | 0;
}

/** Sets Hash.hi and returns the low half for a 64-bit hash held as a bigint. */
export function hashFromBigInt(v: bigint): number {
  const u = BigInt.asUintN(64, v);
  Hash.hi = Number(u >> 32n) | 0;
  return Number(u & 0xffffffffn) | 0;
}

/** The hash (lo, hi) as a signed 64-bit bigint, e.g. for `hash()`. */
export function hashToBigInt(lo: number, hi: number): bigint {
  return BigInt.asIntN(64, (BigInt(hi) << 32n) | BigInt(lo >>> 0));
}

/** True when (lo, hi) is -1, the value no hash may take. */
export function hashIsMinusOne(lo: number, hi: number): boolean {
  return lo === -1 && hi === -1;
}

/** The hash of an int that is a safe JavaScript integer (long_hash). */
export function hashSafeInt(v: number): number {
  // |v| < 2**53 < 2**61 - 1: the value is its own hash, except that -1 becomes -2.
  if (v === -1) v = -2;
  Hash.hi = v < 0 ? (Math.floor(v / TWO32) | 0) : (v / TWO32) | 0;
  return v | 0;
}

/** long_hash for a bigint value. */
export function hashBigInt(v: bigint): number {
  const neg = v < 0n;
  let x = (neg ? -v : v) % PyHASH_MODULUS;
  if (neg) x = -x;
  if (x === -1n) x = -2n;
  return hashFromBigInt(x);
}

/** _Py_HashDouble for a finite or infinite value; NaN hashes by identity (pass its address hash). */
export function hashDouble(v: number, identityHash: () => number): number {
  if (Number.isInteger(v) && Math.abs(v) <= Number.MAX_SAFE_INTEGER) return hashSafeInt(v);
  if (!Number.isFinite(v)) {
    if (Number.isNaN(v)) return identityHash();
    return hashFromNumber(v > 0 ? PyHASH_INF : -PyHASH_INF);
  }
  // frexp, then fold 28 bits at a time, as pyhash.c does.
  let [m, e] = frexp(v);
  let sign = 1n;
  if (m < 0) {
    sign = -1n;
    m = -m;
  }
  let x = 0n;
  const M = PyHASH_MODULUS;
  while (m !== 0) {
    x = ((x << 28n) & M) | (x >> BigInt(PyHASH_BITS - 28));
    m *= 268435456.0;
    e -= 28;
    const y = Math.floor(m);
    m -= y;
    x += BigInt(y);
    if (x >= M) x -= M;
  }
  e = e >= 0 ? e % PyHASH_BITS : PyHASH_BITS - 1 - ((-1 - e) % PyHASH_BITS);
  x = ((x << BigInt(e)) & M) | (x >> BigInt(PyHASH_BITS - e));
  x = BigInt.asUintN(64, x * sign);
  if (x === (1n << 64n) - 1n) x = (1n << 64n) - 2n;
  return hashFromBigInt(x);
}

/** C's frexp: v = m * 2**e with 0.5 <= |m| < 1 (v finite, non-zero). */
export function frexp(v: number): [number, number] {
  if (v === 0) return [v, 0];
  let abs = Math.abs(v);
  let bias = 0;
  if (abs < 2 ** -1000) {
    // subnormals and their neighbours: scale up first (2 ** 1074 is not a double)
    abs *= 2 ** 600;
    bias = -600;
  }
  let e = Math.floor(Math.log2(abs)) + 1;
  let m = abs * Math.pow(2, -e);
  e += bias;
  // Correct for rounding in log2 and for subnormals.
  while (m < 0.5) {
    m *= 2;
    e--;
  }
  while (m >= 1) {
    m *= 0.5;
    e++;
  }
  return [v < 0 ? -m : m, e];
}

/** _Py_HashPointer for an object at `address` (16-byte aligned): the address rotated by 4. */
export function hashPointer(address: number): number {
  // (addr >> 4) | (addr << 60): the low 4 bits are zero, so this is addr / 16.
  let y = address / 16;
  if (y === -1) y = -2;
  return hashFromNumber(y);
}

// ---- 64-bit arithmetic on (hi, lo) int32 pairs, for tuple hashing (xxHash) -----------------

/** Scratch result of mul64/add64. */
const R = { hi: 0, lo: 0 };

/** (ahi:alo) * (bhi:blo) mod 2**64, into R. */
function mul64(ahi: number, alo: number, bhi: number, blo: number): void {
  const a0 = alo & 0xffff, a1 = alo >>> 16;
  const b0 = blo & 0xffff, b1 = blo >>> 16;
  const p00 = a0 * b0;
  const mid = a0 * b1 + a1 * b0; // < 2**33
  const low = p00 + (mid % 65536) * 65536; // < 2**33
  const carry = Math.floor(low / TWO32);
  const hi = (a1 * b1 + Math.floor(mid / 65536) + carry) | 0;
  R.lo = low | 0;
  R.hi = (hi + Math.imul(ahi, blo) + Math.imul(alo, bhi)) | 0;
}

function add64(ahi: number, alo: number, bhi: number, blo: number): void {
  const lo = (alo >>> 0) + (blo >>> 0);
  R.lo = lo | 0;
  R.hi = (ahi + bhi + (lo >= TWO32 ? 1 : 0)) | 0;
}

// _PyHASH_XXPRIME_1 = 11400714785074694791, _2 = 14029467366897019727, _5 = 2870177450012600261
const P1_HI = 0x9e3779b1 | 0, P1_LO = 0x85ebca87 | 0;
const P2_HI = 0xc2b2ae3d | 0, P2_LO = 0x27d4eb4f | 0;
const P5_HI = 0x27d4eb2f | 0, P5_LO = 0x165667c5 | 0;

/** The state of a tuple hash in progress (tuplehash in Objects/tupleobject.c). */
export class TupleHasher {
  hi = P5_HI;
  lo = P5_LO;

  /** acc += lane * PRIME_2; acc = rotl(acc, 31); acc *= PRIME_1 */
  add(laneLo: number, laneHi: number): void {
    mul64(laneHi, laneLo, P2_HI, P2_LO);
    add64(this.hi, this.lo, R.hi, R.lo);
    // rotate left 31: (x << 31) | (x >>> 33)
    const hi = R.hi, lo = R.lo;
    const nhi = ((hi << 31) | (lo >>> 1)) | 0;
    const nlo = ((lo << 31) | (hi >>> 1)) | 0;
    mul64(nhi, nlo, P1_HI, P1_LO);
    this.hi = R.hi;
    this.lo = R.lo;
  }

  /** acc += len ^ (PRIME_5 ^ 3527539); returns the low half, Hash.hi the high one. */
  finish(len: number): number {
    const xlo = (len ^ (P5_LO ^ 3527539)) | 0;
    const xhi = P5_HI; // len < 2**32: the high word is PRIME_5's
    add64(this.hi, this.lo, xhi, xlo);
    if (R.hi === -1 && R.lo === -1) {
      Hash.hi = 0;
      return 1546275796;
    }
    Hash.hi = R.hi;
    return R.lo;
  }
}
