// list.sort (Objects/listobject.c, listsort.txt): CPython 3.11's timsort with the powersort
// merge policy, galloping, and the pre-sort check that picks a fast comparison for lists
// of exact ints, floats or str. The same comparisons happen in the same order as in
// CPython, so user-defined __lt__ sees what it would see there.

import {
  Py_DECREF,
  Py_EQ,
  Py_LT,
  PyFloat_Type,
  PyList_Type,
  PyLong_Type,
  PyObject,
  PyTuple_Type,
  PyUnicode_Type,
} from "./object.ts";
import { PyObject_RichCompareBool } from "./objectops.ts";
import { PyObject_CallOneArg } from "./call.ts";
import { PyErr_Format } from "./errors.ts";
import { PyExc_ValueError } from "./exceptions.ts";
import { type PyListObject } from "./listobject.ts";
import { type PyUnicodeObject } from "./unicodeobject.ts";
import { tstate } from "./pystate.ts";

const MIN_GALLOP = 7;

type Less = (a: PyObject, b: PyObject) => boolean;

function safeLess(a: PyObject, b: PyObject): boolean {
  return PyObject_RichCompareBool(a, b, Py_LT);
}

function intLess(a: PyObject, b: PyObject): boolean {
  return (a.ob_val as number | bigint) < (b.ob_val as number | bigint);
}

function floatLess(a: PyObject, b: PyObject): boolean {
  return (a.ob_val as number) < (b.ob_val as number);
}

function strLess(a: PyObject, b: PyObject): boolean {
  // Code point order; for BMP text UTF-16 order equals it.
  return (a as PyUnicodeObject).ob_val < (b as PyUnicodeObject).ob_val;
}

function makeTupleLess(elemLess: Less): Less {
  return (v, w) => {
    const vi = v.ob_item as PyObject[], wi = w.ob_item as PyObject[];
    const vlen = vi.length, wlen = wi.length;
    let i = 0;
    for (; i < vlen && i < wlen; i++) {
      if (!PyObject_RichCompareBool(vi[i], wi[i], Py_EQ)) break;
    }
    if (i >= vlen || i >= wlen) return vlen < wlen;
    if (i === 0) return elemLess(vi[0], wi[0]);
    return PyObject_RichCompareBool(vi[i], wi[i], Py_LT);
  };
}

/** The pre-sort check: the comparison to use for these keys. */
function chooseLess(keys: PyObject[]): Less {
  const n = keys.length;
  if (n < 2) return safeLess;
  let inTuples = keys[0].ob_type === PyTuple_Type && keys[0].ob_item!.length > 0;
  const keyType = inTuples ? keys[0].ob_item![0]!.ob_type : keys[0].ob_type;
  let sameType = true;
  let strsLatin = true;
  for (let i = 0; i < n; i++) {
    if (inTuples && !(keys[i].ob_type === PyTuple_Type && keys[i].ob_item!.length !== 0)) {
      inTuples = false;
      sameType = false;
      break;
    }
    const key = inTuples ? keys[i].ob_item![0]! : keys[i];
    if (key.ob_type !== keyType) {
      sameType = false;
      if (!inTuples) break;
    }
    if (sameType && keyType === PyUnicode_Type && strsLatin) {
      // deno-lint-ignore no-control-regex
      if (/[^\x00-\xff]/.test((key as PyUnicodeObject).ob_val)) strsLatin = false;
    }
  }
  let less: Less = safeLess;
  if (sameType) {
    if (keyType === PyUnicode_Type && strsLatin) less = strLess;
    else if (keyType === PyLong_Type) less = intLess;
    else if (keyType === PyFloat_Type) less = floatLess;
  }
  if (inTuples) return makeTupleLess(keyType === PyTuple_Type ? safeLess : less);
  return less;
}

interface Run {
  base: number;
  len: number;
  power: number;
}

class MergeState {
  minGallop = MIN_GALLOP;
  readonly pending: Run[] = [];
  constructor(
    readonly keys: PyObject[],
    readonly values: PyObject[] | null,
    readonly less: Less,
    readonly listlen: number,
  ) {}
}

function reverseRange(a: PyObject[], lo: number, hi: number): void {
  hi--;
  while (lo < hi) {
    const t = a[lo];
    a[lo] = a[hi];
    a[hi] = t;
    lo++;
    hi--;
  }
}

function binarysort(ms: MergeState, lo: number, hi: number, start: number): void {
  const keys = ms.keys, values = ms.values, less = ms.less;
  if (lo === start) start++;
  for (; start < hi; start++) {
    let l = lo, r = start;
    const pivot = keys[r];
    do {
      const p = l + ((r - l) >> 1);
      if (less(pivot, keys[p])) r = p;
      else l = p + 1;
    } while (l < r);
    for (let p = start; p > l; p--) keys[p] = keys[p - 1];
    keys[l] = pivot;
    if (values !== null) {
      const pv = values[start];
      for (let p = start; p > l; p--) values[p] = values[p - 1];
      values[l] = pv;
    }
  }
}

function countRun(ms: MergeState, lo: number, hi: number): [number, boolean] {
  const keys = ms.keys, less = ms.less;
  lo++;
  if (lo === hi) return [1, false];
  let n = 2;
  if (less(keys[lo], keys[lo - 1])) {
    for (lo = lo + 1; lo < hi; lo++, n++) if (!less(keys[lo], keys[lo - 1])) break;
    return [n, true];
  }
  for (lo = lo + 1; lo < hi; lo++, n++) if (less(keys[lo], keys[lo - 1])) break;
  return [n, false];
}

/** gallop_left over a[base..base+n) */
function gallopLeft(
  ms: MergeState,
  key: PyObject,
  a: PyObject[],
  base: number,
  n: number,
  hint: number,
): number {
  const less = ms.less;
  let lastofs = 0, ofs = 1;
  const ah = base + hint;
  if (less(a[ah], key)) {
    const maxofs = n - hint;
    while (ofs < maxofs) {
      if (less(a[ah + ofs], key)) {
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      } else break;
    }
    if (ofs > maxofs) ofs = maxofs;
    lastofs += hint;
    ofs += hint;
  } else {
    const maxofs = hint + 1;
    while (ofs < maxofs) {
      if (less(a[ah - ofs], key)) break;
      lastofs = ofs;
      ofs = (ofs << 1) + 1;
    }
    if (ofs > maxofs) ofs = maxofs;
    const k = lastofs;
    lastofs = hint - ofs;
    ofs = hint - k;
  }
  lastofs++;
  while (lastofs < ofs) {
    const m = lastofs + ((ofs - lastofs) >> 1);
    if (less(a[base + m], key)) lastofs = m + 1;
    else ofs = m;
  }
  return ofs;
}

function gallopRight(
  ms: MergeState,
  key: PyObject,
  a: PyObject[],
  base: number,
  n: number,
  hint: number,
): number {
  const less = ms.less;
  let lastofs = 0, ofs = 1;
  const ah = base + hint;
  if (less(key, a[ah])) {
    const maxofs = hint + 1;
    while (ofs < maxofs) {
      if (less(key, a[ah - ofs])) {
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      } else break;
    }
    if (ofs > maxofs) ofs = maxofs;
    const k = lastofs;
    lastofs = hint - ofs;
    ofs = hint - k;
  } else {
    const maxofs = n - hint;
    while (ofs < maxofs) {
      if (less(key, a[ah + ofs])) break;
      lastofs = ofs;
      ofs = (ofs << 1) + 1;
    }
    if (ofs > maxofs) ofs = maxofs;
    lastofs += hint;
    ofs += hint;
  }
  lastofs++;
  while (lastofs < ofs) {
    const m = lastofs + ((ofs - lastofs) >> 1);
    if (less(key, a[base + m])) ofs = m;
    else lastofs = m + 1;
  }
  return ofs;
}

function mergeLo(ms: MergeState, pa: number, na: number, pb: number, nb: number): void {
  const keys = ms.keys, values = ms.values, less = ms.less;
  const tk = keys.slice(pa, pa + na);
  const tv = values !== null ? values.slice(pa, pa + na) : null;
  let dest = pa, a = 0;
  const copyA = () => {
    keys[dest] = tk[a];
    if (values !== null) values[dest] = tv![a];
    dest++;
    a++;
  };
  const copyB = () => {
    keys[dest] = keys[pb];
    if (values !== null) values[dest] = values[pb];
    dest++;
    pb++;
  };
  const finishA = () => {
    for (let i = 0; i < na; i++) {
      keys[dest + i] = tk[a + i];
      if (values !== null) values[dest + i] = tv![a + i];
    }
  };
  copyB();
  nb--;
  try {
    if (nb === 0) return;
    if (na === 1) {
      for (let i = 0; i < nb; i++) {
        keys[dest + i] = keys[pb + i];
        if (values !== null) values[dest + i] = values[pb + i];
      }
      dest += nb;
      pb += nb;
      nb = 0;
      return;
    }
    let minGallop = ms.minGallop;
    for (;;) {
      let acount = 0, bcount = 0;
      for (;;) {
        if (less(keys[pb], tk[a])) {
          copyB();
          bcount++;
          acount = 0;
          nb--;
          if (nb === 0) return;
          if (bcount >= minGallop) break;
        } else {
          copyA();
          acount++;
          bcount = 0;
          na--;
          if (na === 1) {
            moveRestB();
            return;
          }
          if (acount >= minGallop) break;
        }
      }
      minGallop++;
      do {
        minGallop -= minGallop > 1 ? 1 : 0;
        ms.minGallop = minGallop;
        let k = gallopRight(ms, keys[pb], tk, a, na, 0);
        acount = k;
        if (k) {
          for (let i = 0; i < k; i++) copyA();
          na -= k;
          if (na === 1) {
            moveRestB();
            return;
          }
          if (na === 0) return;
        }
        copyB();
        nb--;
        if (nb === 0) return;
        k = gallopLeft(ms, tk[a], keys, pb, nb, 0);
        bcount = k;
        if (k) {
          for (let i = 0; i < k; i++) copyB();
          nb -= k;
          if (nb === 0) return;
        }
        copyA();
        na--;
        if (na === 1) {
          moveRestB();
          return;
        }
      } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
      minGallop++;
      ms.minGallop = minGallop;
    }
  } finally {
    finishA();
  }
  function moveRestB(): void {
    for (let i = 0; i < nb; i++) {
      keys[dest + i] = keys[pb + i];
      if (values !== null) values[dest + i] = values[pb + i];
    }
    dest += nb;
    pb += nb;
    nb = 0;
  }
}

function mergeHi(ms: MergeState, pa: number, na: number, pb: number, nb: number): void {
  const keys = ms.keys, values = ms.values, less = ms.less;
  const tk = keys.slice(pb, pb + nb);
  const tv = values !== null ? values.slice(pb, pb + nb) : null;
  let dest = pb + nb - 1;
  let b = nb - 1; // index into tk
  let ai = pa + na - 1; // index into keys
  const baseA = pa;
  const copyADecr = () => {
    keys[dest] = keys[ai];
    if (values !== null) values[dest] = values[ai];
    dest--;
    ai--;
  };
  const copyBDecr = () => {
    keys[dest] = tk[b];
    if (values !== null) values[dest] = tv![b];
    dest--;
    b--;
  };
  const finishB = () => {
    // copy tk[0..nb) to keys[dest-(nb-1) .. dest]
    for (let i = 0; i < nb; i++) {
      keys[dest - (nb - 1) + i] = tk[i];
      if (values !== null) values[dest - (nb - 1) + i] = tv![i];
    }
  };
  copyADecr();
  na--;
  try {
    if (na === 0) return;
    if (nb === 1) {
      copyRestA();
      return;
    }
    let minGallop = ms.minGallop;
    for (;;) {
      let acount = 0, bcount = 0;
      for (;;) {
        if (less(tk[b], keys[ai])) {
          copyADecr();
          acount++;
          bcount = 0;
          na--;
          if (na === 0) return;
          if (acount >= minGallop) break;
        } else {
          copyBDecr();
          bcount++;
          acount = 0;
          nb--;
          if (nb === 1) {
            copyRestA();
            return;
          }
          if (bcount >= minGallop) break;
        }
      }
      minGallop++;
      do {
        minGallop -= minGallop > 1 ? 1 : 0;
        ms.minGallop = minGallop;
        let k = gallopRight(ms, tk[b], keys, baseA, na, na - 1);
        k = na - k;
        acount = k;
        if (k) {
          for (let i = 0; i < k; i++) copyADecr();
          na -= k;
          if (na === 0) return;
        }
        copyBDecr();
        nb--;
        if (nb === 1) {
          copyRestA();
          return;
        }
        k = gallopLeft(ms, keys[ai], tk, 0, nb, nb - 1);
        k = nb - k;
        bcount = k;
        if (k) {
          for (let i = 0; i < k; i++) copyBDecr();
          nb -= k;
          if (nb === 1) {
            copyRestA();
            return;
          }
          if (nb === 0) return;
        }
        copyADecr();
        na--;
        if (na === 0) return;
      } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
      minGallop++;
      ms.minGallop = minGallop;
    }
  } finally {
    if (nb) finishB();
  }
  function copyRestA(): void {
    // nb === 1: move the na remaining A items up, then the one B item goes first.
    for (let i = 0; i < na; i++) copyADecr();
    na = 0;
    keys[dest] = tk[b];
    if (values !== null) values[dest] = tv![b];
    nb = 0;
  }
}

function mergeAt(ms: MergeState, i: number): void {
  const p = ms.pending;
  let pa = p[i].base, na = p[i].len;
  const pb = p[i + 1].base;
  let nb = p[i + 1].len;
  p[i].len = na + nb;
  if (i === p.length - 3) p[i + 1] = p[i + 2];
  p.pop();
  const keys = ms.keys;
  const k = gallopRight(ms, keys[pb], keys, pa, na, 0);
  pa += k;
  na -= k;
  if (na === 0) return;
  nb = gallopLeft(ms, keys[pa + na - 1], keys, pb, nb, nb - 1);
  if (nb <= 0) return;
  if (na <= nb) mergeLo(ms, pa, na, pb, nb);
  else mergeHi(ms, pa, na, pb, nb);
}

function powerloop(s1: number, n1: number, n2: number, n: number): number {
  let result = 0;
  let a = 2 * s1 + n1;
  let b = a + n1 + n2;
  for (;;) {
    result++;
    if (a >= n) {
      a -= n;
      b -= n;
    } else if (b >= n) break;
    a *= 2;
    b *= 2;
  }
  return result;
}

function foundNewRun(ms: MergeState, n2: number): void {
  const p = ms.pending;
  if (p.length) {
    const s1 = p[p.length - 1].base;
    const n1 = p[p.length - 1].len;
    const power = powerloop(s1, n1, n2, ms.listlen);
    while (p.length > 1 && p[p.length - 2].power > power) mergeAt(ms, p.length - 2);
    p[p.length - 1].power = power;
  }
}

function mergeForceCollapse(ms: MergeState): void {
  const p = ms.pending;
  while (p.length > 1) {
    let n = p.length - 2;
    if (n > 0 && p[n - 1].len < p[n + 1].len) n--;
    mergeAt(ms, n);
  }
}

function computeMinrun(n: number): number {
  let r = 0;
  while (n >= 64) {
    r |= n & 1;
    n >>= 1;
  }
  return n + r;
}

/** Sorts keys (and values with them) in place; comparisons may raise. */
function timsort(keys: PyObject[], values: PyObject[] | null, less: Less): void {
  const n = keys.length;
  const ms = new MergeState(keys, values, less, n);
  let nremaining = n;
  if (nremaining < 2) return;
  const minrun = computeMinrun(nremaining);
  let lo = 0;
  do {
    let [run, descending] = countRun(ms, lo, lo + nremaining);
    if (descending) {
      reverseRange(keys, lo, lo + run);
      if (values !== null) reverseRange(values, lo, lo + run);
    }
    if (run < minrun) {
      const force = nremaining <= minrun ? nremaining : minrun;
      binarysort(ms, lo, lo + force, lo + run);
      run = force;
    }
    foundNewRun(ms, run);
    ms.pending.push({ base: lo, len: run, power: 0 });
    lo += run;
    nremaining -= run;
  } while (nremaining);
  mergeForceCollapse(ms);
}

// ---- keys that are plain numbers --------------------------------------------------------------
// When every key is an exact int held as a JavaScript number, or every key is an exact tuple of
// the same length holding only such ints, the keys are totally ordered and comparing them runs
// no Python code and changes no count. A stable sort of a totally ordered sequence has one
// result, whatever the algorithm: so the order is found here on the numbers, the way that is
// fastest, and is the order CPython's timsort gives.

/** Longest tuple keys the numeric path takes. */
const MAX_KEY_WIDTH = 4;
/** Shorter lists gain nothing from the numeric path. */
const NUMERIC_MIN = 16;

/**
 * The stable sorted order of keys (perm[i] is the index of the i-th smallest), or null when
 * the keys are not plain numbers as described above.
 */
function numericOrder(keys: PyObject[]): Int32Array | Uint32Array | null {
  const n = keys.length;
  if (n < NUMERIC_MIN) return null;
  const first = keys[0];
  let width: number;
  if (first.ob_type === PyLong_Type) width = 0;
  else if (first.ob_type === PyTuple_Type) {
    width = first.ob_item!.length;
    if (width === 0 || width > MAX_KEY_WIDTH) return null;
    // tuple comparison asks == of the items through PyObject_RichCompareBool, which
    // checks the recursion limit as CPython's Py_EnterRecursiveCall does
    if (tstate.recursion_remaining <= 0) return null;
  } else return null;
  const ncols = width === 0 ? 1 : width;
  const cols: Float64Array[] = [];
  const mins: number[] = [];
  const maxs: number[] = [];
  for (let c = 0; c < ncols; c++) {
    cols.push(new Float64Array(n));
    mins.push(Infinity);
    maxs.push(-Infinity);
  }
  for (let i = 0; i < n; i++) {
    const k = keys[i];
    if (width === 0) {
      if (k.ob_type !== PyLong_Type) return null;
      const v = k.ob_val;
      if (typeof v !== "number") return null;
      cols[0][i] = v;
      if (v < mins[0]) mins[0] = v;
      if (v > maxs[0]) maxs[0] = v;
      continue;
    }
    if (k.ob_type !== PyTuple_Type) return null;
    const items = k.ob_item!;
    if (items.length !== width) return null;
    for (let c = 0; c < width; c++) {
      const e = items[c]!;
      if (e.ob_type !== PyLong_Type) return null;
      const v = e.ob_val;
      if (typeof v !== "number") return null;
      cols[c][i] = v;
      if (v < mins[c]) mins[c] = v;
      if (v > maxs[c]) maxs[c] = v;
    }
  }
  // One number per key, (key digits in mixed radix) * n + index, when it stays exact: a
  // plain numeric sort of those is the stable lexicographic order.
  let span = n;
  const radix: number[] = [];
  for (let c = 0; c < ncols; c++) {
    const r = maxs[c] - mins[c] + 1;
    radix.push(r);
    span *= r;
  }
  if (span <= Number.MAX_SAFE_INTEGER) {
    const composite = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let x = 0;
      for (let c = 0; c < ncols; c++) x = x * radix[c] + (cols[c][i] - mins[c]);
      composite[i] = x * n + i;
    }
    composite.sort();
    const perm = new Uint32Array(n);
    for (let i = 0; i < n; i++) perm[i] = composite[i] % n;
    return perm;
  }
  const order: number[] = [];
  for (let i = 0; i < n; i++) order.push(i);
  order.sort((a, b) => {
    for (let c = 0; c < ncols; c++) {
      const d = cols[c][a] - cols[c][b];
      if (d !== 0) return d < 0 ? -1 : 1;
    }
    return a - b;
  });
  return Int32Array.from(order);
}

/** Puts a[perm[0]], a[perm[1]], ... into a, in place. */
function permute(a: PyObject[], perm: Int32Array | Uint32Array): void {
  const copy = a.slice();
  for (let i = 0; i < perm.length; i++) a[i] = copy[perm[i]];
}

/** list.sort(key=None, reverse=False) on a list object. */
export function list_sort_impl(self: PyObject, keyfunc: PyObject | null, reverse: boolean): void {
  const l = self as PyListObject;
  const saved = l.ob_item;
  const savedAllocated = l.ob_size;
  l.ob_item = [];
  l.ob_size = -1;
  let keys: PyObject[] | null = null;
  let error: unknown = null;
  let keysDone = false;
  try {
    if (keyfunc !== null) {
      keys = [];
      try {
        for (let i = 0; i < saved.length; i++) keys.push(PyObject_CallOneArg(keyfunc, saved[i]));
      } catch (e) {
        for (let i = keys.length - 1; i >= 0; i--) Py_DECREF(keys[i]);
        keys = null;
        throw e;
      }
    }
    keysDone = true;
    const sortKeys = keys ?? saved;
    const less = chooseLess(sortKeys);
    if (saved.length >= 2) {
      if (reverse) {
        if (keys !== null) keys.reverse();
        saved.reverse();
      }
      const perm = less === safeLess ? null : numericOrder(sortKeys);
      if (perm !== null) {
        permute(saved, perm);
        if (keys !== null) permute(keys, perm);
      } else timsort(sortKeys, keys !== null ? saved : null, less);
    }
  } catch (e) {
    error = e;
  }
  if (keys !== null) { for (let i = 0; i < keys.length; i++) Py_DECREF(keys[i]); }
  const modified = l.ob_size !== -1 || l.ob_item.length > 0;
  if (modified && error === null) {
    error = PyErr_Format(PyExc_ValueError, "list modified during sort");
  }
  if (reverse && saved.length >= 2 && keysDone) saved.reverse();
  const final = l.ob_item;
  l.ob_item = saved;
  l.ob_size = savedAllocated;
  for (let i = final.length - 1; i >= 0; i--) Py_DECREF(final[i]);
  if (error !== null) throw error;
}

/** sorted() / list.sort() with no key, not reversed. */
export function list_sort_default(self: PyObject): void {
  list_sort_impl(self, null, false);
}

export { PyList_Type };
