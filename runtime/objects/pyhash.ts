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

// ---- SipHash-1-3 of str contents, straight from the JavaScript string -------------------------
// The same function as hash.ts's siphash13 (key (0, 0), PYTHONHASHSEED=0), reading the PEP 393
// bytes of a str of kind 1 (every character below 256) or 2 (below 65536, no surrogate pairs)
// from its character codes, with the state in locals: no byte array, no result object.

/**
 * The hash of s read as `width`-byte little-endian characters: the low word is returned and
 * the high word left in Hash.hi (the caller maps -1 to -2 and the empty string to 0).
 */
export function sipHashChars(s: string, width: number): number {
  let v0h = 0x736f6d65 | 0, v0l = 0x70736575 | 0;
  let v1h = 0x646f7261 | 0, v1l = 0x6e646f6d | 0;
  let v2h = 0x6c796765 | 0, v2l = 0x6e657261 | 0;
  let v3h = 0x74656462 | 0, v3l = 0x79746573 | 0;
  const nbytes = s.length * width;
  const perBlock = 8 / width;
  const nblocks = Math.floor(nbytes / 8);
  let ci = 0;
  let ml = 0, mh = 0;
  // One SipRound per step: a compression for each block and for the final block (tail bytes
  // and the length in the top byte), then the three finalization rounds.
  for (let step = 0; step <= nblocks + 3; step++) {
    const compressing = step <= nblocks;
    if (step < nblocks) {
      if (width === 1) {
        ml = s.charCodeAt(ci) | (s.charCodeAt(ci + 1) << 8) | (s.charCodeAt(ci + 2) << 16) |
          (s.charCodeAt(ci + 3) << 24);
        mh = s.charCodeAt(ci + 4) | (s.charCodeAt(ci + 5) << 8) | (s.charCodeAt(ci + 6) << 16) |
          (s.charCodeAt(ci + 7) << 24);
      } else {
        ml = s.charCodeAt(ci) | (s.charCodeAt(ci + 1) << 16);
        mh = s.charCodeAt(ci + 2) | (s.charCodeAt(ci + 3) << 16);
      }
      ci += perBlock;
    } else if (step === nblocks) {
      ml = 0;
      mh = (nbytes & 0xff) << 24;
      // a character of `width` bytes lands at byte k of the little-endian word
      for (let k = 0; ci < s.length; ci++, k += width) {
        const c = s.charCodeAt(ci);
        if (k < 4) ml |= c << (8 * k);
        else mh |= c << (8 * (k - 4));
      }
    }
    if (compressing) {
      v3h ^= mh;
      v3l ^= ml;
    }
    {
      let lo = (v0l + v1l) | 0;
      v0h = (v0h + v1h + ((lo >>> 0) < (v0l >>> 0) ? 1 : 0)) | 0;
      v0l = lo;
      let th = (v1h << 13) | (v1l >>> 19);
      v1l = ((v1l << 13) | (v1h >>> 19)) ^ v0l;
      v1h = th ^ v0h;
      th = v0h;
      v0h = v0l;
      v0l = th;
      lo = (v2l + v3l) | 0;
      v2h = (v2h + v3h + ((lo >>> 0) < (v2l >>> 0) ? 1 : 0)) | 0;
      v2l = lo;
      th = (v3h << 16) | (v3l >>> 16);
      v3l = ((v3l << 16) | (v3h >>> 16)) ^ v2l;
      v3h = th ^ v2h;
      lo = (v0l + v3l) | 0;
      v0h = (v0h + v3h + ((lo >>> 0) < (v0l >>> 0) ? 1 : 0)) | 0;
      v0l = lo;
      th = (v3h << 21) | (v3l >>> 11);
      v3l = ((v3l << 21) | (v3h >>> 11)) ^ v0l;
      v3h = th ^ v0h;
      lo = (v2l + v1l) | 0;
      v2h = (v2h + v1h + ((lo >>> 0) < (v2l >>> 0) ? 1 : 0)) | 0;
      v2l = lo;
      th = (v1h << 17) | (v1l >>> 15);
      v1l = ((v1l << 17) | (v1h >>> 15)) ^ v2l;
      v1h = th ^ v2h;
      th = v2h;
      v2h = v2l;
      v2l = th;
    }
    if (compressing) {
      v0h ^= mh;
      v0l ^= ml;
      if (step === nblocks) v2l ^= 0xff;
    }
  }
  Hash.hi = v0h ^ v1h ^ v2h ^ v3h;
  return v0l ^ v1l ^ v2l ^ v3l;
}
