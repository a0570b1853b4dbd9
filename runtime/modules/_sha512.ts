// The _sha512 module (Modules/sha512module.c): SHA-512 (FIPS 180-4) over bytes, with
// hashlib's object interface (update, digest, hexdigest, copy). random.seed() uses it to
// turn a str or bytes seed into an int, as CPython's random.py does.

import {
  METH_FASTCALL,
  METH_KEYWORDS,
  METH_NOARGS,
  METH_O,
  newStaticType,
  Py_INCREF,
  Py_None,
  PyObject,
  type PyTypeObject,
} from "../objects/object.ts";
import { PyErr_Format } from "../objects/errors.ts";
import { PyExc_TypeError } from "../objects/exceptions.ts";
import { PyBytes_FromBytes } from "../objects/bytesobject.ts";
import { bufferOf } from "../objects/bytes_methods.ts";
import { PyUnicode_Check, PyUnicode_FromString } from "../objects/unicodeobject.ts";
import { PyLong_FromNumber } from "../objects/longobject.ts";
import { PyObject_GenericGetAttr } from "../objects/objectops.ts";
import { PyType_GenericAlloc, PyType_Ready } from "../objects/typeobject.ts";
import { unpackKeywords } from "../objects/argparse.ts";
import { registerBuiltinModule } from "./modsupport.ts";

const MASK = (1n << 64n) - 1n;

/**
 * The 80 round constants (the first 64 bits of the cube roots of the first 80 primes) and
 * the initial hash (of the square roots of the first 8 primes), worked out at the first
 * hash rather than at every start.
 */
let constants: { K: bigint[]; H0: bigint[] } | null = null;

function shaConstants(): { K: bigint[]; H0: bigint[] } {
  if (constants === null) {
    const primes: number[] = [];
    for (let n = 2; primes.length < 80; n++) {
      if (primes.every((p) => n % p !== 0)) primes.push(n);
    }
    constants = {
      K: primes.map((p) => fracBits(p, 3)),
      H0: primes.slice(0, 8).map((p) => fracBits(p, 2)),
    };
  }
  return constants;
}

/** The first 64 bits of the fractional part of p**(1/root), exactly (integer roots). */
function fracBits(p: number, root: number): bigint {
  // floor(p**(1/root) * 2**64) by integer root extraction of p * 2**(64*root)
  const target = BigInt(p) << (64n * BigInt(root));
  let lo = 0n, hi = 1n << 70n;
  while (lo < hi) {
    const mid = (lo + hi + 1n) >> 1n;
    if (mid ** BigInt(root) <= target) lo = mid;
    else hi = mid - 1n;
  }
  return lo & MASK;
}

function rotr(x: bigint, n: bigint): bigint {
  return ((x >> n) | (x << (64n - n))) & MASK;
}

class Sha512 {
  h = shaConstants().H0.slice();
  buffer = new Uint8Array(0);
  length = 0n;

  update(data: Uint8Array): void {
    const all = new Uint8Array(this.buffer.length + data.length);
    all.set(this.buffer);
    all.set(data, this.buffer.length);
    this.length += BigInt(data.length);
    let off = 0;
    for (; off + 128 <= all.length; off += 128) this.block(all.subarray(off, off + 128));
    this.buffer = all.slice(off);
  }

  private block(b: Uint8Array): void {
    const K = shaConstants().K;
    const w: bigint[] = new Array(80);
    for (let t = 0; t < 16; t++) {
      let v = 0n;
      for (let i = 0; i < 8; i++) v = (v << 8n) | BigInt(b[t * 8 + i]);
      w[t] = v;
    }
    for (let t = 16; t < 80; t++) {
      const s0 = rotr(w[t - 15], 1n) ^ rotr(w[t - 15], 8n) ^ (w[t - 15] >> 7n);
      const s1 = rotr(w[t - 2], 19n) ^ rotr(w[t - 2], 61n) ^ (w[t - 2] >> 6n);
      w[t] = (w[t - 16] + s0 + w[t - 7] + s1) & MASK;
    }
    let [a, bb, c, d, e, f, g, h] = this.h;
    for (let t = 0; t < 80; t++) {
      const S1 = rotr(e, 14n) ^ rotr(e, 18n) ^ rotr(e, 41n);
      const ch = (e & f) ^ (~e & MASK & g);
      const t1 = (h + S1 + ch + K[t] + w[t]) & MASK;
      const S0 = rotr(a, 28n) ^ rotr(a, 34n) ^ rotr(a, 39n);
      const maj = (a & bb) ^ (a & c) ^ (bb & c);
      const t2 = (S0 + maj) & MASK;
      h = g;
      g = f;
      f = e;
      e = (d + t1) & MASK;
      d = c;
      c = bb;
      bb = a;
      a = (t1 + t2) & MASK;
    }
    const add = [a, bb, c, d, e, f, g, h];
    this.h = this.h.map((x, i) => (x + add[i]) & MASK);
  }

  digest(): Uint8Array {
    const copy = this.copy();
    const bits = copy.length * 8n;
    const padLen = (copy.buffer.length < 112 ? 112 : 240) - copy.buffer.length;
    const pad = new Uint8Array(padLen + 16);
    pad[0] = 0x80;
    for (let i = 0; i < 16; i++) pad[padLen + 15 - i] = Number((bits >> BigInt(8 * i)) & 0xffn);
    copy.update(pad);
    const out = new Uint8Array(64);
    copy.h.forEach((x, i) => {
      for (let j = 0; j < 8; j++) out[i * 8 + j] = Number((x >> BigInt(56 - 8 * j)) & 0xffn);
    });
    return out;
  }

  copy(): Sha512 {
    const c = new Sha512();
    c.h = this.h.slice();
    c.buffer = this.buffer.slice();
    c.length = this.length;
    return c;
  }
}

const sha512Type = newStaticType("_sha512.sha512", 232, 0);

function dataArg(o: PyObject): Uint8Array {
  if (PyUnicode_Check(o)) {
    throw PyErr_Format(PyExc_TypeError, "Strings must be encoded before hashing");
  }
  const b = bufferOf(o);
  if (b === null) {
    throw PyErr_Format(
      PyExc_TypeError,
      `object supporting the buffer API required`,
    );
  }
  return b;
}

function newHash(state: Sha512, type: PyTypeObject = sha512Type): PyObject {
  const o = PyType_GenericAlloc(type, 0);
  o.ob_data = state;
  return o;
}

function hexOf(b: Uint8Array): string {
  return Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
}

sha512Type.tp_dealloc = (o) => o.ob_type.tp_free!(o);
sha512Type.tp_getattro = PyObject_GenericGetAttr;
sha512Type.tp_methods = [
  {
    ml_name: "update",
    ml_meth: (o: PyObject, data: PyObject) => {
      (o.ob_data as Sha512).update(dataArg(data));
      Py_INCREF(Py_None);
      return Py_None;
    },
    ml_flags: METH_O,
  },
  {
    ml_name: "digest",
    ml_meth: (o: PyObject) => PyBytes_FromBytes((o.ob_data as Sha512).digest()),
    ml_flags: METH_NOARGS,
  },
  {
    ml_name: "hexdigest",
    ml_meth: (o: PyObject) => PyUnicode_FromString(hexOf((o.ob_data as Sha512).digest())),
    ml_flags: METH_NOARGS,
  },
  {
    ml_name: "copy",
    ml_meth: (o: PyObject) => newHash((o.ob_data as Sha512).copy()),
    ml_flags: METH_NOARGS,
  },
];
sha512Type.tp_getset = [
  { name: "name", get: () => PyUnicode_FromString("sha512") },
  { name: "digest_size", get: () => PyLong_FromNumber(64) },
  { name: "block_size", get: () => PyLong_FromNumber(128) },
];

function sha512_new(
  _m: PyObject,
  args: (PyObject | null)[],
  off: number,
  nargs: number,
  kwnames: PyObject | null,
): PyObject {
  const [data] = unpackKeywords(
    "sha512",
    ["string", "usedforsecurity"],
    args,
    off,
    nargs,
    kwnames,
    0,
    1,
    0,
  );
  const h = new Sha512();
  if (data !== null) h.update(dataArg(data));
  return newHash(h);
}

registerBuiltinModule({
  name: "_sha512",
  doc: null,
  methods: [{ ml_name: "sha512", ml_meth: sha512_new, ml_flags: METH_FASTCALL | METH_KEYWORDS }],
  exec() {
    PyType_Ready(sha512Type);
  },
});
