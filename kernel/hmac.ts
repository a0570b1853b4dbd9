// HMAC-SHA256 (RFC 2104 over FIPS 180-4's SHA-256), for signing Jupyter messages, written
// here rather than taken from `node:crypto`: loading that module costs a Deno process
// 40-170 ms (its Node compatibility layer), which the kernel's first reply would wait for,
// while Web Crypto only signs asynchronously. The key's two padded blocks are hashed once,
// so that a message costs its own blocks and one more.

const encoder = new TextEncoder();

/** The first 32 bits of the fractional parts of the roots of the first primes (FIPS 180-4). */
function rootFractions(count: number, root: (x: number) => number): Int32Array {
  const out = new Int32Array(count);
  for (let n = 2, found = 0; found < count; n++) {
    let prime = true;
    for (let d = 2; d * d <= n; d++) if (n % d === 0) prime = false;
    if (!prime) continue;
    const r = root(n);
    out[found++] = Math.floor((r - Math.floor(r)) * 2 ** 32) | 0;
  }
  return out;
}

/** SHA-256's round constants (cube roots of the first 64 primes) and initial hash (square roots). */
const K = rootFractions(64, Math.cbrt);
const H0 = rootFractions(8, Math.sqrt);

/** The SHA-256 compression of 64-byte block `at` of `bytes` into `h`; `w` is scratch. */
function compress(h: Int32Array, w: Int32Array, bytes: Uint8Array, at: number): void {
  for (let i = 0; i < 16; i++) {
    const j = at + 4 * i;
    w[i] = (bytes[j] << 24) | (bytes[j + 1] << 16) | (bytes[j + 2] << 8) | bytes[j + 3];
  }
  for (let i = 16; i < 64; i++) {
    const a = w[i - 15], b = w[i - 2];
    const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
    const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
    w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
  }
  let a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
  for (let i = 0; i < 64; i++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const ch = (e & f) ^ (~e & g);
    const t1 = (k + S1 + ch + K[i] + w[i]) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const maj = (a & b) ^ (a & c) ^ (b & c);
    const t2 = (S0 + maj) | 0;
    k = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  h[0] = (h[0] + a) | 0;
  h[1] = (h[1] + b) | 0;
  h[2] = (h[2] + c) | 0;
  h[3] = (h[3] + d) | 0;
  h[4] = (h[4] + e) | 0;
  h[5] = (h[5] + f) | 0;
  h[6] = (h[6] + g) | 0;
  h[7] = (h[7] + k) | 0;
}

/** A SHA-256 in progress: a state, the bytes not yet compressed, the length so far. */
class Sha256 {
  readonly h = new Int32Array(8);
  private readonly w = new Int32Array(64);
  private readonly block = new Uint8Array(64);
  private used = 0;
  private length = 0;

  /** Starts again from `state` (H0, or a key's padded block hashed) after `length` bytes. */
  reset(state: Int32Array, length: number): void {
    this.h.set(state);
    this.used = 0;
    this.length = length;
  }

  update(bytes: Uint8Array, end = bytes.length): void {
    let at = 0;
    this.length += end;
    if (this.used > 0) {
      const take = Math.min(64 - this.used, end);
      this.block.set(bytes.subarray(0, take), this.used);
      this.used += take;
      at = take;
      if (this.used < 64) return;
      compress(this.h, this.w, this.block, 0);
      this.used = 0;
    }
    for (; at + 64 <= end; at += 64) compress(this.h, this.w, bytes, at);
    if (at < end) {
      this.block.set(bytes.subarray(at, end), 0);
      this.used = end - at;
    }
  }

  /** Pads, compresses the last block(s), and writes the 32-byte digest into `out`. */
  finish(out: Uint8Array): void {
    const bits = this.length * 8;
    const block = this.block;
    block[this.used++] = 0x80;
    if (this.used > 56) {
      block.fill(0, this.used);
      compress(this.h, this.w, block, 0);
      this.used = 0;
    }
    block.fill(0, this.used, 56);
    const view = new DataView(block.buffer);
    view.setUint32(56, Math.floor(bits / 2 ** 32));
    view.setUint32(60, bits >>> 0);
    compress(this.h, this.w, block, 0);
    for (let i = 0; i < 8; i++) {
      out[4 * i] = this.h[i] >>> 24;
      out[4 * i + 1] = this.h[i] >>> 16;
      out[4 * i + 2] = this.h[i] >>> 8;
      out[4 * i + 3] = this.h[i];
    }
  }
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/** HMAC-SHA256 with one key. */
export class HmacSha256 {
  private readonly inner = new Int32Array(8);
  private readonly outer = new Int32Array(8);
  private readonly sha = new Sha256();
  private readonly digest = new Uint8Array(32);
  /** Text frames are encoded into this, grown as needed */
  private scratch = new Uint8Array(4096);

  constructor(key: Uint8Array) {
    const block = new Uint8Array(64);
    if (key.length > 64) {
      this.sha.reset(H0, 0);
      this.sha.update(key);
      this.sha.finish(block);
    } else block.set(key);
    const pad = new Uint8Array(64);
    for (const [state, byte] of [[this.inner, 0x36], [this.outer, 0x5c]] as const) {
      for (let i = 0; i < 64; i++) pad[i] = block[i] ^ byte;
      this.sha.reset(H0, 0);
      this.sha.update(pad);
      state.set(this.sha.h);
    }
  }

  /** The HMAC of the parts one after another (text as UTF-8), as 32 bytes (reused). */
  bytes(parts: (Uint8Array | string)[]): Uint8Array {
    const sha = this.sha;
    sha.reset(this.inner, 64);
    for (const part of parts) {
      if (typeof part !== "string") {
        sha.update(part);
        continue;
      }
      // UTF-8 takes at most 3 bytes per UTF-16 unit
      if (this.scratch.length < 3 * part.length) this.scratch = new Uint8Array(3 * part.length);
      const { written } = encoder.encodeInto(part, this.scratch);
      sha.update(this.scratch, written);
    }
    sha.finish(this.digest);
    sha.reset(this.outer, 64);
    sha.update(this.digest);
    sha.finish(this.digest);
    return this.digest;
  }

  /** The HMAC of the parts, in lower-case hex. */
  hex(parts: (Uint8Array | string)[]): string {
    const d = this.bytes(parts);
    let out = "";
    for (let i = 0; i < d.length; i++) out += HEX[d[i]];
    return out;
  }
}

/** Whether two byte strings are equal, in a time that depends on their length only. */
export function equalInConstantTime(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}
