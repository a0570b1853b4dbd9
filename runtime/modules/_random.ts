// The _random module (Modules/_randommodule.c): the Mersenne Twister MT19937, seeded
// from an int's 32-bit words by init_by_array, with CPython's random() (53 bits from two
// draws) and getrandbits(k) (32-bit words, least significant first), and the state
// exchange of getstate/setstate. random.py builds everything else on it.

import {
  METH_FASTCALL,
  METH_NOARGS,
  METH_O,
  newStaticType,
  Py_DECREF,
  Py_INCREF,
  Py_None,
  Py_TPFLAGS_BASETYPE,
  PyObject,
  type PyTypeObject,
} from "../objects/object.ts";
import { PyErr_Format } from "../objects/errors.ts";
import { PyExc_TypeError, PyExc_ValueError } from "../objects/exceptions.ts";
import {
  longValue,
  PyLong_Check,
  PyLong_FromBigInt,
  PyLong_FromNumber,
} from "../objects/longobject.ts";
import { PyFloat_FromDouble } from "../objects/floatobject.ts";
import { PyObject_GenericGetAttr, PyObject_Hash } from "../objects/objectops.ts";
import { PyNumber_Index } from "../objects/abstract.ts";
import { PyTuple_Check, PyTuple_FromArraySteal } from "../objects/tupleobject.ts";
import { PyType_GenericAlloc, PyType_Ready } from "../objects/typeobject.ts";
import { Hash } from "../objects/pyhash.ts";
import { checkPositional } from "../objects/argparse.ts";
import { PyModule_AddType, registerBuiltinModule } from "./modsupport.ts";
import { PyExc_OverflowError } from "../objects/exceptions.ts";

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;

/** One generator's state: 624 words and the position of the next one. */
class MersenneTwister {
  readonly mt = new Uint32Array(N);
  index = N + 1;

  private initGenrand(s: number): void {
    const mt = this.mt;
    mt[0] = s >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
    }
    this.index = N;
  }

  /** init_by_array: the state from a key of 32-bit words. */
  initByArray(key: Uint32Array): void {
    const mt = this.mt;
    this.initGenrand(19650218);
    let i = 1, j = 0;
    for (let k = Math.max(N, key.length); k > 0; k--) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = ((mt[i] ^ Math.imul(prev, 1664525)) + key[j] + j) >>> 0;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
      if (j >= key.length) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = ((mt[i] ^ Math.imul(prev, 1566083941)) - i) >>> 0;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
    }
    mt[0] = 0x80000000; // MSB is 1, assuring a non-zero initial array
  }

  /** The next 32-bit output (genrand_uint32). */
  next(): number {
    const mt = this.mt;
    if (this.index >= N) {
      let kk = 0;
      for (; kk < N - M; kk++) {
        const y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
        mt[kk] = mt[kk + M] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
      }
      for (; kk < N - 1; kk++) {
        const y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
        mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
      }
      const y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
      mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
      this.index = 0;
    }
    let y = mt[this.index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** random(): a double in [0, 1) from 27 + 26 bits. */
  random(): number {
    const a = this.next() >>> 5, b = this.next() >>> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
  }
}

function gen(o: PyObject): MersenneTwister {
  return o.ob_data as MersenneTwister;
}

/** The 32-bit words of a non-negative bigint, least significant first (at least one). */
function wordsOf(n: bigint): Uint32Array {
  const words: number[] = [];
  do {
    words.push(Number(n & 0xffffffffn));
    n >>= 32n;
  } while (n > 0n);
  return Uint32Array.from(words);
}

/** random_seed: None from the host's entropy, an int's absolute value, else hash(arg). */
function seedFrom(o: PyObject, arg: PyObject | null): void {
  const g = gen(o);
  if (arg === null || arg === Py_None) {
    const key = new Uint32Array(N);
    crypto.getRandomValues(key);
    g.initByArray(key);
    return;
  }
  let n: bigint;
  if (PyLong_Check(arg)) {
    const v = longValue(arg);
    n = BigInt(v);
  } else {
    // the hash as an unsigned 64-bit number (size_t), not its absolute value
    const lo = PyObject_Hash(arg);
    n = BigInt.asUintN(64, (BigInt(Hash.hi) << 32n) | BigInt(lo >>> 0));
  }
  if (n < 0n) n = -n;
  g.initByArray(wordsOf(n));
}

function random_random(o: PyObject): PyObject {
  return PyFloat_FromDouble(gen(o).random());
}

function random_seed(o: PyObject, args: (PyObject | null)[], off: number, nargs: number) {
  checkPositional("seed", nargs, 0, 1);
  seedFrom(o, nargs ? args[off] : null);
  Py_INCREF(Py_None);
  return Py_None;
}

function random_getstate(o: PyObject): PyObject {
  const g = gen(o);
  const items: PyObject[] = [];
  for (let i = 0; i < N; i++) items.push(PyLong_FromNumber(g.mt[i]));
  items.push(PyLong_FromNumber(g.index));
  return PyTuple_FromArraySteal(items);
}

function random_setstate(o: PyObject, state: PyObject): PyObject {
  if (!PyTuple_Check(state)) {
    throw PyErr_Format(PyExc_TypeError, "state vector must be a tuple");
  }
  const items = state.ob_item as PyObject[];
  if (items.length !== N + 1) {
    throw PyErr_Format(PyExc_ValueError, "state vector is the wrong size");
  }
  const words = new Uint32Array(N);
  for (let i = 0; i < N; i++) words[i] = unsignedLong(items[i]);
  const index = Number(indexValue(items[N]));
  if (index < 0 || index > N) throw PyErr_Format(PyExc_ValueError, "invalid state");
  const g = gen(o);
  g.mt.set(words);
  g.index = index;
  Py_INCREF(Py_None);
  return Py_None;
}

function indexValue(v: PyObject): number | bigint {
  const i = PyNumber_Index(v);
  const n = longValue(i);
  Py_DECREF(i);
  return n;
}

/** PyLong_AsUnsignedLong, kept to the low 32 bits as the C code stores it. */
function unsignedLong(v: PyObject): number {
  if (!PyLong_Check(v)) {
    throw PyErr_Format(PyExc_TypeError, "an integer is required");
  }
  const n = BigInt(longValue(v));
  if (n < 0n) {
    throw PyErr_Format(
      PyExc_OverflowError,
      "can't convert negative value to unsigned int",
    );
  }
  if (n > 0xffffffffffffffffn) {
    throw PyErr_Format(PyExc_OverflowError, "Python int too large to convert to C unsigned long");
  }
  return Number(n & 0xffffffffn);
}

function random_getrandbits(o: PyObject, kArg: PyObject): PyObject {
  const kv = indexValue(kArg);
  if (kv < 0) throw PyErr_Format(PyExc_ValueError, "number of bits must be non-negative");
  const k = Number(kv);
  const g = gen(o);
  if (k === 0) return PyLong_FromNumber(0);
  if (k <= 32) return PyLong_FromNumber(g.next() >>> (32 - k));
  // Whole words from the least significant end; the last one keeps its top bits.
  let result = 0n;
  let shift = 0n;
  for (let left = k; left > 0; left -= 32) {
    let r = g.next();
    if (left < 32) r >>>= 32 - left;
    result |= BigInt(r) << shift;
    shift += 32n;
  }
  return PyLong_FromBigInt(result);
}

const randomType = newStaticType("_random.Random", 2512, Py_TPFLAGS_BASETYPE);

randomType.tp_new = (type: PyTypeObject, args: PyObject, kwds: PyObject | null) => {
  if (type === randomType && kwds !== null && kwds.ob_size > 0) {
    throw PyErr_Format(PyExc_TypeError, "Random() takes no keyword arguments");
  }
  const o = PyType_GenericAlloc(type, 0);
  o.ob_data = new MersenneTwister();
  // random_new seeds at once for _random.Random itself, from the argument or entropy
  const a = args.ob_item as PyObject[];
  if (type === randomType) {
    if (a.length > 1) {
      Py_DECREF(o);
      throw PyErr_Format(PyExc_TypeError, "Random() requires 0 or 1 argument");
    }
    seedFrom(o, a.length ? a[0] : null);
  } else {
    seedFrom(o, null);
  }
  return o;
};
randomType.tp_init = (o: PyObject, args: PyObject, _kwds: PyObject | null) => {
  const a = args.ob_item as PyObject[];
  if (a.length > 1) throw PyErr_Format(PyExc_TypeError, "Random() requires 0 or 1 argument");
  if (o.ob_type === randomType) seedFrom(o, a.length ? a[0] : null);
};
randomType.tp_dealloc = (o: PyObject) => o.ob_type.tp_free!(o);
randomType.tp_getattro = PyObject_GenericGetAttr;
randomType.tp_doc = "Random() -> create a random number generator with its own internal state.";
randomType.tp_methods = [
  { ml_name: "random", ml_meth: random_random, ml_flags: METH_NOARGS },
  { ml_name: "seed", ml_meth: random_seed, ml_flags: METH_FASTCALL },
  { ml_name: "getstate", ml_meth: random_getstate, ml_flags: METH_NOARGS },
  { ml_name: "setstate", ml_meth: random_setstate, ml_flags: METH_O },
  { ml_name: "getrandbits", ml_meth: random_getrandbits, ml_flags: METH_O },
];

registerBuiltinModule({
  name: "_random",
  doc: "Module implements the Mersenne Twister random number generator.",
  methods: [],
  exec(mod) {
    PyType_Ready(randomType);
    PyModule_AddType(mod, randomType);
  },
});
