// The itertools module (Modules/itertoolsmodule.c): iterator types in TypeScript, each an
// object whose references live in ob_item (so one dealloc and one traverse serve them all)
// and whose plain state lives in ob_data. The combinatoric iterators reuse their result
// tuple when nobody else holds it, as CPython's do (which is visible through id()).

import {
  METH_CLASS,
  METH_NOARGS,
  METH_O,
  newStaticType,
  Py_DECREF,
  Py_EQ,
  Py_INCREF,
  Py_None,
  Py_TPFLAGS_BASETYPE,
  Py_TPFLAGS_HAVE_GC,
  Py_XDECREF,
  PyBool_Type,
  PyLong_Type,
  type PyMethodDef,
  PyObject,
  PyObject_GC_UnTrack,
  type PyTypeObject,
  type visitproc,
} from "../objects/object.ts";
import { PyErr_Format } from "../objects/errors.ts";
import {
  PyExc_OverflowError,
  PyExc_RuntimeError,
  PyExc_TypeError,
  PyExc_ValueError,
} from "../objects/exceptions.ts";
import {
  PyIter_Next,
  PyNumber_Add,
  PyNumber_AsSsize_t,
  PyObject_GetIter,
  PySequence_Tuple,
} from "../objects/abstract.ts";
import { PyObject_Call, PyObject_CallOneArg, PyObject_Vectorcall } from "../objects/call.ts";
import {
  _PyObject_LookupAttr,
  PyObject_GenericGetAttr,
  PyObject_GetAttr,
  PyObject_IsTrue,
  PyObject_Repr,
  PyObject_RichCompareBool,
  PyObject_SelfIter,
  str,
} from "../objects/objectops.ts";
import { PyType_GenericAlloc, PyType_Ready } from "../objects/typeobject.ts";
import { PyTuple_Check, PyTuple_FromArraySteal } from "../objects/tupleobject.ts";
import { PyLong_FromNumber } from "../objects/longobject.ts";
import { _Py_ID, PyUnicode_FromString } from "../objects/unicodeobject.ts";
import { checkPositional, noKeywords, ssizeArg, unpackTupleDict } from "../objects/argparse.ts";
import { PyModule_AddType, registerBuiltinModule } from "./modsupport.ts";
import { dictGetStr, dictKeyList } from "../objects/dictobject.ts";
import { auditFirstVisit, registerReferents } from "../memory/audit.ts";
import { PyList_Append, PyList_New } from "../objects/listobject.ts";

function ref<T extends PyObject>(o: T): T {
  Py_INCREF(o);
  return o;
}

function none(): PyObject {
  return ref(Py_None);
}

// ---- the shared shape ---------------------------------------------------------------------------

/** tp_dealloc of every itertools object: drop ob_item's references, free the block. */
function items_dealloc(o: PyObject): void {
  PyObject_GC_UnTrack(o);
  const items = o.ob_item;
  o.ob_item = null;
  if (items !== null) { for (const x of items) Py_XDECREF(x); }
  release(o);
  o.ob_type.tp_free!(o);
}

/** Extra references some objects keep outside ob_item (tee's buffer). */
function release(o: PyObject): void {
  const d = o.ob_data as { release?: () => void } | null;
  if (d !== null && typeof d === "object" && d.release !== undefined) d.release();
}

function items_traverse(o: PyObject, visit: visitproc, arg: unknown): number {
  const items = o.ob_item;
  if (items === null) return 0;
  for (let i = 0; i < items.length; i++) {
    const x = items[i];
    if (x !== null) {
      const r = visit(x, arg);
      if (r) return r;
    }
  }
  const d = o.ob_data as { traverse?: (v: visitproc, a: unknown) => number } | null;
  if (d !== null && typeof d === "object" && d.traverse !== undefined) {
    return d.traverse(visit, arg);
  }
  return 0;
}

/** Replaces ob_item[i] (the old value is released after the store, as Py_SETREF). */
function setItem(o: PyObject, i: number, v: PyObject | null): void {
  const old = o.ob_item![i];
  o.ob_item![i] = v;
  Py_XDECREF(old);
}

interface TypeSpec {
  name: string;
  basicsize: number;
  next: (o: PyObject) => PyObject | null;
  new: (type: PyTypeObject, args: PyObject, kwds: PyObject | null) => PyObject;
  repr?: (o: PyObject) => PyObject;
  methods?: PyMethodDef[];
  doc?: string;
  base?: boolean;
}

const types: PyTypeObject[] = [];

function iterType(spec: TypeSpec): PyTypeObject {
  const t = newStaticType(
    `itertools.${spec.name}`,
    spec.basicsize,
    Py_TPFLAGS_HAVE_GC | (spec.base === false ? 0 : Py_TPFLAGS_BASETYPE),
  );
  t.tp_dealloc = items_dealloc;
  t.tp_traverse = items_traverse;
  t.tp_getattro = PyObject_GenericGetAttr;
  t.tp_iter = PyObject_SelfIter;
  t.tp_iternext = spec.next;
  t.tp_new = spec.new;
  if (spec.repr) t.tp_repr = spec.repr;
  if (spec.methods) t.tp_methods = spec.methods;
  t.tp_doc = spec.doc ?? null;
  types.push(t);
  return t;
}

/** A new object of type with these owned references and this plain state. */
function alloc(type: PyTypeObject, items: (PyObject | null)[], data: unknown = null): PyObject {
  const o = PyType_GenericAlloc(type, 0);
  o.ob_item = items;
  o.ob_data = data;
  return o;
}

function typeShortName(o: PyObject): string {
  const n = o.ob_type.tp_name;
  return n.slice(n.lastIndexOf(".") + 1);
}

/** _PyArg_NoKeywords for a type called exactly (subclasses may take keywords). */
function noKeywordsExact(
  name: string,
  type: PyTypeObject,
  exact: PyTypeObject,
  kwds: PyObject | null,
) {
  if (type === exact) noKeywords(name, kwds);
}

function tupleArgs(args: PyObject): PyObject[] {
  return args.ob_item as PyObject[];
}

// ---- count ------------------------------------------------------------------------------------

/** PyNumber_Check: something with __index__, __int__ or __float__, or a complex. */
function isNumber(o: PyObject): boolean {
  const t = o.ob_type;
  return t.nb_index !== null || t.nb_int !== null || t.nb_float !== null ||
    t.tp_name === "complex";
}

function count_new(type: PyTypeObject, args: PyObject, kwds: PyObject | null): PyObject {
  const [startArg, stepArg] = unpackTupleDict("count", ["start", "step"], args, kwds, 0, 2, 0);
  const start = startArg ?? PyLong_FromNumber(0);
  if (startArg !== null) Py_INCREF(start);
  const step = stepArg ?? PyLong_FromNumber(1);
  if (stepArg !== null) Py_INCREF(step);
  if (!isNumber(start) || !isNumber(step)) {
    Py_DECREF(start);
    Py_DECREF(step);
    throw PyErr_Format(PyExc_TypeError, "a number is required");
  }
  return alloc(type, [start, step]);
}

function count_next(o: PyObject): PyObject | null {
  const items = o.ob_item!;
  const cnt = items[0]!, step = items[1]!;
  if (cnt.ob_type === PyLong_Type && step.ob_type === PyLong_Type) {
    const a = cnt.ob_val, b = step.ob_val;
    if (typeof a === "number" && typeof b === "number") {
      const n = a + b;
      if (Number.isSafeInteger(n)) {
        items[0] = PyLong_FromNumber(n);
        return cnt; // the reference ob_item held passes to the caller
      }
    }
  }
  items[0] = PyNumber_Add(cnt, step);
  return cnt;
}

function count_repr(o: PyObject): PyObject {
  const [cnt, step] = o.ob_item as PyObject[];
  const name = typeShortName(o);
  if (step.ob_type.tp_flags & (1 << 24) && step.ob_val == 1) {
    return PyUnicode_FromString(`${name}(${reprOf(cnt)})`);
  }
  return PyUnicode_FromString(`${name}(${reprOf(cnt)}, ${reprOf(step)})`);
}

function reprOf(o: PyObject): string {
  const r = PyObject_Repr(o);
  try {
    return str(r);
  } finally {
    Py_DECREF(r);
  }
}

// ---- cycle ------------------------------------------------------------------------------------

interface CycleState {
  index: number;
  firstpass: boolean;
}

function cycle_new(type: PyTypeObject, args: PyObject, kwds: PyObject | null): PyObject {
  noKeywordsExact("cycle", type, cycleType, kwds);
  const a = tupleArgs(args);
  checkPositional("cycle", a.length, 1, 1);
  const it = PyObject_GetIter(a[0]);
  const saved = PyList_New(0);
  return alloc(type, [it, saved], { index: 0, firstpass: false } as CycleState);
}

function cycle_next(o: PyObject): PyObject | null {
  const items = o.ob_item!;
  const st = o.ob_data as CycleState;
  const it = items[0];
  if (it !== null) {
    const item = it.ob_type.tp_iternext!(it);
    if (item !== null) {
      if (!st.firstpass) PyList_Append(items[1]!, item);
      return item;
    }
    setItem(o, 0, null);
  }
  const saved = items[1]!.ob_item as PyObject[];
  if (saved.length === 0) return null;
  const item = saved[st.index];
  st.index++;
  if (st.index >= saved.length) st.index = 0;
  return ref(item);
}

// ---- repeat -----------------------------------------------------------------------------------

function repeat_new(type: PyTypeObject, args: PyObject, kwds: PyObject | null): PyObject {
  const [element, times] = unpackTupleDict("repeat", ["object", "times"], args, kwds, 1, 2, 0);
  let cnt = -1;
  if (times !== null) {
    cnt = ssizeArg(times);
    if (cnt < 0) cnt = 0;
  }
  return alloc(type, [ref(element!)], cnt);
}

function repeat_next(o: PyObject): PyObject | null {
  const cnt = o.ob_data as number;
  if (cnt === 0) return null;
  if (cnt > 0) o.ob_data = cnt - 1;
  return ref(o.ob_item![0]!);
}

function repeat_repr(o: PyObject): PyObject {
  const cnt = o.ob_data as number;
  const name = typeShortName(o);
  const e = reprOf(o.ob_item![0]!);
  return PyUnicode_FromString(cnt === -1 ? `${name}(${e})` : `${name}(${e}, ${cnt})`);
}

function repeat_length_hint(o: PyObject): PyObject {
  const cnt = o.ob_data as number;
  if (cnt === -1) throw PyErr_Format(PyExc_TypeError, "len() of unsized object");
  return PyLong_FromNumber(cnt);
}

// ---- accumulate ------------------------------------------------------------------------------

function accumulate_new(type: PyTypeObject, args: PyObject, kwds: PyObject | null): PyObject {
  const [iterable, func, initial] = unpackTupleDict(
    "accumulate",
    ["iterable", "func", "initial"],
    args,
    kwds,
    1,
    2,
    0,
  );
  const it = PyObject_GetIter(iterable!);
  const binop = func === null || func === Py_None ? null : ref(func);
  const init = initial === null || initial === Py_None ? null : ref(initial);
  // ob_item: iterator, binop, total, initial
  return alloc(type, [it, binop, null, init]);
}

function accumulate_next(o: PyObject): PyObject | null {
  const items = o.ob_item!;
  if (items[3] !== null) {
    const init = items[3]!;
    items[3] = null;
    items[2] = ref(init);
    return init;
  }
  const it = items[0]!;
  const val = it.ob_type.tp_iternext!(it);
  if (val === null) return null;
  const total = items[2];
  if (total === null) {
    items[2] = ref(val);
    return val;
  }
  let newtotal: PyObject;
  try {
    newtotal = items[1] === null
      ? PyNumber_Add(total, val)
      : PyObject_Vectorcall(items[1]!, [total, val], 0, 2, null);
  } finally {
    Py_DECREF(val);
  }
  setItem(o, 2, ref(newtotal));
  return newtotal;
}

// ---- chain ------------------------------------------------------------------------------------

function chain_new(type: PyTypeObject, args: PyObject, kwds: PyObject | null): PyObject {
  noKeywordsExact("chain", type, chainType, kwds);
  const source = PyObject_GetIter(args);
  return alloc(type, [source, null]);
}

function chain_from_iterable(type: PyObject, arg: PyObject): PyObject {
  const source = PyObject_GetIter(arg);
  return alloc(type as PyTypeObject, [source, null]);
}

function chain_next(o: PyObject): PyObject | null {
  const items = o.ob_item!;
  while (items[0] !== null) {
    if (items[1] === null) {
      const source = items[0]!;
      const iterable = PyIter_Next(source);
      if (iterable === null) {
        setItem(o, 0, null);
        return null;
      }
      try {
        items[1] = PyObject_GetIter(iterable);
      } finally {
        Py_DECREF(iterable);
      }
    }
    const active = items[1]!;
    const item = active.ob_type.tp_iternext!(active);
    if (item !== null) return item;
    setItem(o, 1, null);
  }
  return null;
}

// ---- compress, dropwhile, takewhile, filterfalse, starmap --------------------------------------

function compress_new(type: PyTypeObject, args: PyObject, kwds: PyObject | null): PyObject {
  const [data, selectors] = unpackTupleDict(
    "compress",
    ["data", "selectors"],
    args,
    kwds,
    2,
    2,
    0,
  );
  const d = PyObject_GetIter(data!);
  let s: PyObject;
  try {
    s = PyObject_GetIter(selectors!);
  } catch (e) {
    Py_DECREF(d);
    throw e;
  }
  return alloc(type, [d, s]);
}

function compress_next(o: PyObject): PyObject | null {
  const [data, selectors] = o.ob_item as PyObject[];
  for (;;) {
    const datum = data.ob_type.tp_iternext!(data);
    if (datum === null) return null;
    let selector: PyObject | null;
    try {
      selector = selectors.ob_type.tp_iternext!(selectors);
    } catch (e) {
      Py_DECREF(datum);
      throw e;
    }
    if (selector === null) {
      Py_DECREF(datum);
      return null;
    }
    let ok: boolean;
    try {
      ok = PyObject_IsTrue(selector);
    } catch (e) {
      Py_DECREF(datum);
      throw e;
    } finally {
      Py_DECREF(selector);
    }
    if (ok) return datum;
    Py_DECREF(datum);
  }
}

function predicateIterNew(name: string, exact: () => PyTypeObject) {
  return (type: PyTypeObject, args: PyObject, kwds: PyObject | null): PyObject => {
    noKeywordsExact(name, type, exact(), kwds);
    const a = tupleArgs(args);
    checkPositional(name, a.length, 2, 2);
    const it = PyObject_GetIter(a[1]);
    // ob_item: function, iterator; ob_data: the drop/stop state
    return alloc(type, [ref(a[0]), it], 0);
  };
}

function callPredicate(func: PyObject, item: PyObject): boolean {
  const r = PyObject_CallOneArg(func, item);
  try {
    return PyObject_IsTrue(r);
  } finally {
    Py_DECREF(r);
  }
}

function dropwhile_next(o: PyObject): PyObject | null {
  const [func, it] = o.ob_item as PyObject[];
  for (;;) {
    const item = it.ob_type.tp_iternext!(it);
    if (item === null) return null;
    if (o.ob_data === 1) return item;
    let ok: boolean;
    try {
      ok = callPredicate(func, item);
    } catch (e) {
      Py_DECREF(item);
      throw e;
    }
    if (!ok) {
      o.ob_data = 1;
      return item;
    }
    Py_DECREF(item);
  }
}

function takewhile_next(o: PyObject): PyObject | null {
  const [func, it] = o.ob_item as PyObject[];
  if (o.ob_data === 1) return null;
  const item = it.ob_type.tp_iternext!(it);
  if (item === null) return null;
  let ok: boolean;
  try {
    ok = callPredicate(func, item);
  } catch (e) {
    Py_DECREF(item);
    throw e;
  }
  if (ok) return item;
  Py_DECREF(item);
  o.ob_data = 1;
  return null;
}

function filterfalse_next(o: PyObject): PyObject | null {
  const [func, it] = o.ob_item as PyObject[];
  for (;;) {
    const item = it.ob_type.tp_iternext!(it);
    if (item === null) return null;
    let ok: boolean;
    try {
      ok = func === Py_None || func === (PyBool_Type as PyObject)
        ? PyObject_IsTrue(item)
        : callPredicate(func, item);
    } catch (e) {
      Py_DECREF(item);
      throw e;
    }
    if (!ok) return item;
    Py_DECREF(item);
  }
}

function starmap_next(o: PyObject): PyObject | null {
  const [func, it] = o.ob_item as PyObject[];
  const args = it.ob_type.tp_iternext!(it);
  if (args === null) return null;
  let tuple: PyObject;
  try {
    tuple = PyTuple_Check(args) ? ref(args) : PySequence_Tuple(args);
  } finally {
    Py_DECREF(args);
  }
  try {
    return PyObject_Call(func, tuple, null);
  } finally {
    Py_DECREF(tuple);
  }
}

// ---- groupby ---------------------------------------------------------------------------------

// groupby's ob_item: iterator, keyfunc, tgtkey, currkey, currvalue
const GB_IT = 0, GB_KEYFUNC = 1, GB_TGTKEY = 2, GB_CURRKEY = 3, GB_CURRVALUE = 4;

interface GroupbyState {
  /** The current _grouper (borrowed, as CPython's currgrouper). */
  currgrouper: PyObject | null;
}

function groupby_new(type: PyTypeObject, args: PyObject, kwds: PyObject | null): PyObject {
  const [iterable, key] = unpackTupleDict("groupby", ["iterable", "key"], args, kwds, 1, 2, 0);
  const it = PyObject_GetIter(iterable!);
  const keyfunc = key === null ? none() : ref(key);
  return alloc(type, [it, keyfunc, null, null, null], { currgrouper: null } as GroupbyState);
}

/** groupby_step: reads the next value and its key; false at the end. */
function groupby_step(gbo: PyObject): boolean {
  const items = gbo.ob_item!;
  const it = items[GB_IT]!;
  const newvalue = it.ob_type.tp_iternext!(it);
  if (newvalue === null) return false;
  let newkey: PyObject;
  const keyfunc = items[GB_KEYFUNC]!;
  if (keyfunc === Py_None) {
    newkey = ref(newvalue);
  } else {
    try {
      newkey = PyObject_CallOneArg(keyfunc, newvalue);
    } catch (e) {
      Py_DECREF(newvalue);
      throw e;
    }
  }
  setItem(gbo, GB_CURRVALUE, newvalue);
  setItem(gbo, GB_CURRKEY, newkey);
  return true;
}

function groupby_next(gbo: PyObject): PyObject | null {
  const items = gbo.ob_item!;
  const st = gbo.ob_data as GroupbyState;
  st.currgrouper = null;
  // skip to the next group
  for (;;) {
    if (items[GB_CURRKEY] === null) {
      // read the first value
    } else if (items[GB_TGTKEY] === null) {
      break;
    } else if (!PyObject_RichCompareBool(items[GB_TGTKEY]!, items[GB_CURRKEY]!, Py_EQ)) {
      break;
    }
    if (!groupby_step(gbo)) return null;
  }
  setItem(gbo, GB_TGTKEY, ref(items[GB_CURRKEY]!));
  const grouper = alloc(grouperType, [ref(gbo), ref(items[GB_TGTKEY]!)]);
  st.currgrouper = grouper;
  return PyTuple_FromArraySteal([ref(items[GB_CURRKEY]!), grouper]);
}

function grouper_next(igo: PyObject): PyObject | null {
  const [gbo, tgtkey] = igo.ob_item as PyObject[];
  const st = gbo.ob_data as GroupbyState;
  if (st.currgrouper !== igo) return null;
  const items = gbo.ob_item!;
  if (items[GB_CURRVALUE] === null) {
    if (!groupby_step(gbo)) return null;
  }
  if (!PyObject_RichCompareBool(tgtkey, items[GB_CURRKEY]!, Py_EQ)) return null;
  const r = items[GB_CURRVALUE]!;
  items[GB_CURRVALUE] = null;
  setItem(gbo, GB_CURRKEY, null);
  return r;
}

function grouper_new(): PyObject {
  throw PyErr_Format(PyExc_TypeError, "cannot create 'itertools._grouper' instances");
}

// ---- islice ----------------------------------------------------------------------------------

interface IsliceState {
  next: number;
  stop: number;
  step: number;
  cnt: number;
}

/** PyNumber_AsSsize_t(v, OverflowError) with any error dropped: -1 then, as islice_new reads it */
function isliceIndex(v: PyObject): number {
  try {
    return PyNumber_AsSsize_t(v, PyExc_OverflowError);
  } catch (e) {
    if (!(e instanceof PyObject)) throw e;
    Py_DECREF(e);
    return -1;
  }
}

function islice_new(type: PyTypeObject, args: PyObject, kwds: PyObject | null): PyObject {
  noKeywordsExact("islice", type, isliceType, kwds);
  const a = tupleArgs(args);
  checkPositional("islice", a.length, 2, 4);
  const seq = a[0];
  let start = 0, stop = -1, step = 1;
  const stopMsg = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
  // islice_new's order: a start that fails converting is -1 (reported after stop); a stop of
  // -1 (or failing) is reported at once; one below -1 with the start's message
  if (a.length > 2 && a[1] !== Py_None) start = isliceIndex(a[1]);
  const stopArg = a.length === 2 ? a[1] : a[2];
  if (stopArg !== Py_None) {
    stop = isliceIndex(stopArg);
    if (stop === -1) throw PyErr_Format(PyExc_ValueError, stopMsg);
  }
  if (start < 0 || stop < -1) {
    throw PyErr_Format(
      PyExc_ValueError,
      "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.",
    );
  }
  if (a.length === 4 && a[3] !== Py_None) step = isliceIndex(a[3]);
  if (step < 1) {
    throw PyErr_Format(PyExc_ValueError, "Step for islice() must be a positive integer or None.");
  }
  const it = PyObject_GetIter(seq);
  return alloc(type, [it], { next: start, stop, step, cnt: 0 } as IsliceState);
}

function islice_next(o: PyObject): PyObject | null {
  const it = o.ob_item![0];
  if (it === null) return null;
  const st = o.ob_data as IsliceState;
  const iternext = it.ob_type.tp_iternext!;
  while (st.cnt < st.next) {
    const item = iternext(it);
    if (item === null) {
      setItem(o, 0, null);
      return null;
    }
    Py_DECREF(item);
    st.cnt++;
  }
  if (st.stop !== -1 && st.cnt >= st.stop) {
    setItem(o, 0, null);
    return null;
  }
  const item = iternext(it);
  if (item === null) {
    setItem(o, 0, null);
    return null;
  }
  st.cnt++;
  const oldnext = st.next;
  st.next += st.step;
  if (st.next < oldnext || (st.stop !== -1 && st.next > st.stop)) st.next = st.stop;
  return item;
}

// ---- tee ---------------------------------------------------------------------------------------

/** A run of values read from the shared iterator (CPython's teedataobject). */
class TeeLink {
  values: PyObject[] = [];
  nextLink: TeeLink | null = null;
  /** Tee objects and the previous link pointing here. */
  refs = 0;
  constructor(readonly source: TeeSource) {
    source.links++;
  }
}

/** The iterator the tees share; `running` guards against re-entry. */
interface TeeSource {
  it: PyObject | null;
  running: boolean;
  links: number;
}

const LINKCELLS = 57;

function linkIncref(l: TeeLink): void {
  l.refs++;
}

function linkDecref(l: TeeLink | null): void {
  while (l !== null && --l.refs === 0) {
    const values = l.values;
    l.values = [];
    for (const v of values) Py_DECREF(v);
    const src = l.source;
    if (--src.links === 0 && src.it !== null) {
      const it = src.it;
      src.it = null;
      Py_DECREF(it);
    }
    l = l.nextLink;
  }
}

/** A _tee's state: the link it reads and its index there. */
class TeeState {
  constructor(public link: TeeLink, public index: number) {
    linkIncref(link);
  }
  release = (): void => {
    const l = this.link;
    this.link = null as unknown as TeeLink;
    if (l !== null) linkDecref(l);
  };
  traverse = (visit: visitproc, arg: unknown): number => {
    for (let l: TeeLink | null = this.link; l !== null; l = l.nextLink) {
      for (const v of l.values) {
        const r = visit(v, arg);
        if (r) return r;
      }
      if (l.source.it !== null) {
        const r = visit(l.source.it, arg);
        if (r) return r;
      }
    }
    return 0;
  };
}

/** For the heap audit: links and their source own their values once, whichever tee reads them. */
function tee_referents(o: PyObject, visit: (r: PyObject) => void): void {
  for (let l: TeeLink | null = (o.ob_data as TeeState).link; l !== null; l = l.nextLink) {
    if (!auditFirstVisit(l)) break;
    for (const v of l.values) visit(v);
    if (l.source.it !== null && auditFirstVisit(l.source)) visit(l.source.it);
  }
}

function tee_fromiterable(iterable: PyObject): PyObject {
  const it = PyObject_GetIter(iterable);
  const source: TeeSource = { it, running: false, links: 0 };
  const link = new TeeLink(source);
  return alloc(teeType, [], new TeeState(link, 0));
}

function tee_copy(o: PyObject): PyObject {
  const st = o.ob_data as TeeState;
  return alloc(teeType, [], new TeeState(st.link, st.index));
}

function tee_next(o: PyObject): PyObject | null {
  const st = o.ob_data as TeeState;
  let link = st.link;
  if (st.index >= LINKCELLS) {
    if (link.nextLink === null) {
      link.nextLink = new TeeLink(link.source);
      linkIncref(link.nextLink);
    }
    const next = link.nextLink;
    linkIncref(next);
    st.link = next;
    st.index = 0;
    linkDecref(link);
    link = next;
  }
  if (st.index < link.values.length) return ref(link.values[st.index++]);
  const src = link.source;
  if (src.it === null) return null;
  if (src.running) {
    throw PyErr_Format(PyExc_RuntimeError, "cannot re-enter the tee iterator");
  }
  src.running = true;
  let value: PyObject | null;
  try {
    value = src.it.ob_type.tp_iternext!(src.it);
  } finally {
    src.running = false;
  }
  if (value === null) return null;
  link.values.push(value);
  st.index++;
  return ref(value);
}

function tee_new(type: PyTypeObject, args: PyObject, kwds: PyObject | null): PyObject {
  const [iterable] = unpackTupleDict("_tee", ["iterable"], args, kwds, 1, 1, 0);
  void type;
  const it = PyObject_GetIter(iterable!);
  try {
    if (it.ob_type === teeType) return tee_copy(it);
    return tee_fromiterable(it);
  } finally {
    Py_DECREF(it);
  }
}

function itertools_tee(_m: PyObject, args: (PyObject | null)[], off: number, nargs: number) {
  checkPositional("tee", nargs, 1, 2);
  const iterable = args[off]!;
  let n = 2;
  if (nargs === 2) n = ssizeArg(args[off + 1]!);
  if (n < 0) throw PyErr_Format(PyExc_ValueError, "n must be >= 0");
  const result: PyObject[] = [];
  if (n === 0) return PyTuple_FromArraySteal(result);
  const it = PyObject_GetIter(iterable);
  try {
    const copyfunc = _PyObject_LookupAttr(it, _Py_ID("__copy__"));
    let first: PyObject;
    if (copyfunc !== null) {
      Py_DECREF(copyfunc);
      first = ref(it);
    } else {
      first = tee_fromiterable(it);
    }
    result.push(first);
    for (let i = 1; i < n; i++) {
      const meth = PyObject_GetAttrStr(first, "__copy__");
      try {
        result.push(PyObject_Vectorcall(meth, [], 0, 0, null));
      } finally {
        Py_DECREF(meth);
      }
    }
  } catch (e) {
    for (const r of result) Py_DECREF(r);
    throw e;
  } finally {
    Py_DECREF(it);
  }
  return PyTuple_FromArraySteal(result);
}

function PyObject_GetAttrStr(o: PyObject, name: string): PyObject {
  return PyObject_GetAttr(o, _Py_ID(name));
}

// ---- zip_longest, pairwise -------------------------------------------------------------------

function zip_longest_new(type: PyTypeObject, args: PyObject, kwds: PyObject | null): PyObject {
  let fillvalue: PyObject = Py_None;
  if (kwds !== null && kwds.ob_size > 0) {
    const f = dictGetStr(kwds, _Py_ID("fillvalue"));
    if (f === null || kwds.ob_size > 1) {
      throw PyErr_Format(
        PyExc_TypeError,
        "zip_longest() got an unexpected keyword argument",
      );
    }
    fillvalue = f;
  }
  const iters: PyObject[] = [];
  try {
    for (const a of tupleArgs(args)) iters.push(PyObject_GetIter(a));
  } catch (e) {
    for (const it of iters) Py_DECREF(it);
    throw e;
  }
  // ob_item: fillvalue, result tuple, then the iterators (null once exhausted)
  return alloc(type, [ref(fillvalue), null, ...iters], iters.length);
}

function zip_longest_next(o: PyObject): PyObject | null {
  const items = o.ob_item!;
  const n = items.length - 2;
  if (n === 0) return null;
  if ((o.ob_data as number) === 0) return null;
  const fill = items[0]!;
  const values: PyObject[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const it = items[i + 2];
    let item: PyObject | null = null;
    if (it !== null) {
      try {
        item = it.ob_type.tp_iternext!(it);
      } catch (e) {
        for (let j = 0; j < i; j++) Py_DECREF(values[j]);
        throw e;
      }
      if (item === null) {
        o.ob_data = (o.ob_data as number) - 1;
        setItem(o, i + 2, null);
        if ((o.ob_data as number) === 0) {
          for (let j = 0; j < i; j++) Py_DECREF(values[j]);
          return null;
        }
      }
    }
    values[i] = item ?? ref(fill);
  }
  return reuseResult(o, 1, values);
}

/**
 * The result tuple: the previous one refilled when only this object holds it (as
 * CPython's zip_longest, product and the combinatorics do), else a new one.
 */
function reuseResult(o: PyObject, slot: number, values: PyObject[]): PyObject {
  const old = o.ob_item![slot];
  if (old !== null && old.ob_refcnt === 1) {
    const olds = old.ob_item as PyObject[];
    for (let i = 0; i < values.length; i++) {
      const prev = olds[i];
      olds[i] = values[i];
      Py_DECREF(prev);
    }
    return ref(old);
  }
  const t = PyTuple_FromArraySteal(values);
  setItem(o, slot, ref(t));
  return t;
}

function pairwise_new(type: PyTypeObject, args: PyObject, kwds: PyObject | null): PyObject {
  noKeywordsExact("pairwise", type, pairwiseType, kwds);
  const a = tupleArgs(args);
  checkPositional("pairwise", a.length, 1, 1);
  return alloc(type, [PyObject_GetIter(a[0]), null]);
}

function pairwise_next(o: PyObject): PyObject | null {
  const items = o.ob_item!;
  const it = items[0];
  if (it === null) return null;
  let old = items[1];
  if (old === null) {
    old = it.ob_type.tp_iternext!(it);
    items[1] = old;
    if (old === null) {
      setItem(o, 0, null);
      return null;
    }
  }
  const next = it.ob_type.tp_iternext!(it);
  if (next === null) {
    setItem(o, 0, null);
    setItem(o, 1, null);
    return null;
  }
  const result = PyTuple_FromArraySteal([ref(old), ref(next)]);
  setItem(o, 1, next);
  return result;
}

// ---- product, permutations, combinations, combinations_with_replacement -----------------------

interface CombState {
  indices: number[];
  cycles: number[];
  r: number;
  stopped: boolean;
}

function product_new(type: PyTypeObject, args: PyObject, kwds: PyObject | null): PyObject {
  let repeat = 1;
  if (kwds !== null && kwds.ob_size > 0) {
    const r = dictGetStr(kwds, _Py_ID("repeat"));
    if (r === null || kwds.ob_size > 1) {
      const [key] = dictKeysOf(kwds).filter((k) => k !== "repeat");
      throw PyErr_Format(
        PyExc_TypeError,
        `product() got an unexpected keyword argument '${key ?? "repeat"}'`,
      );
    }
    repeat = ssizeArg(r);
    if (repeat < 0) throw PyErr_Format(PyExc_ValueError, "repeat argument cannot be negative");
  }
  const a = tupleArgs(args);
  const pools: PyObject[] = [];
  try {
    for (const it of a) pools.push(PySequence_Tuple(it));
  } catch (e) {
    for (const p of pools) Py_DECREF(p);
    throw e;
  }
  const all: PyObject[] = [];
  for (let r = 0; r < repeat; r++) for (const p of pools) all.push(ref(p));
  for (const p of pools) Py_DECREF(p);
  // ob_item: result, then the pools
  return alloc(type, [null, ...all], {
    indices: new Array(all.length).fill(0),
    cycles: [],
    r: all.length,
    stopped: false,
  } as CombState);
}

function dictKeysOf(d: PyObject): string[] {
  return dictKeyList(d).map((k) => str(k));
}

function product_next(o: PyObject): PyObject | null {
  const st = o.ob_data as CombState;
  if (st.stopped) return null;
  const items = o.ob_item!;
  const pools = items.slice(1) as PyObject[];
  const npools = pools.length;
  const result = items[0];
  if (result === null) {
    const values: PyObject[] = [];
    for (const p of pools) {
      const pi = p.ob_item as PyObject[];
      if (pi.length === 0) {
        for (const v of values) Py_DECREF(v);
        st.stopped = true;
        return null;
      }
      values.push(ref(pi[0]));
    }
    const t = PyTuple_FromArraySteal(values);
    items[0] = ref(t);
    return t;
  }
  if (npools === 0) {
    st.stopped = true;
    return null;
  }
  const values = (result.ob_item as PyObject[]).slice();
  for (const v of values) Py_INCREF(v);
  const indices = st.indices;
  let i = npools - 1;
  for (; i >= 0; i--) {
    const pool = pools[i].ob_item as PyObject[];
    indices[i]++;
    if (indices[i] === pool.length) {
      indices[i] = 0;
      replace(values, i, pool[0]);
    } else {
      replace(values, i, pool[indices[i]]);
      break;
    }
  }
  if (i < 0) {
    for (const v of values) Py_DECREF(v);
    st.stopped = true;
    return null;
  }
  return reuseResult(o, 0, values);
}

function replace(values: PyObject[], i: number, v: PyObject): void {
  const old = values[i];
  values[i] = ref(v);
  Py_DECREF(old);
}

function rArgument(r: PyObject | null, n: number): number {
  if (r === null || r === Py_None) return n;
  if (!(r.ob_type.tp_flags & (1 << 24))) {
    throw PyErr_Format(PyExc_TypeError, "Expected int as r");
  }
  const v = ssizeArg(r);
  if (v < 0) throw PyErr_Format(PyExc_ValueError, "r must be non-negative");
  return v;
}

function combNew(
  name: string,
  needR: boolean,
  init: (n: number, r: number) => CombState,
) {
  return (type: PyTypeObject, args: PyObject, kwds: PyObject | null): PyObject => {
    const [iterable, rArg] = unpackTupleDict(
      name,
      ["iterable", "r"],
      args,
      kwds,
      needR ? 2 : 1,
      2,
      0,
    );
    const pool = PySequence_Tuple(iterable!);
    let r: number;
    try {
      const n = (pool.ob_item as PyObject[]).length;
      if (needR) {
        r = ssizeArg(rArg!);
        if (r < 0) throw PyErr_Format(PyExc_ValueError, "r must be non-negative");
      } else {
        r = rArgument(rArg, n);
      }
      return alloc(type, [null, pool], init(n, r));
    } catch (e) {
      Py_DECREF(pool);
      throw e;
    }
  };
}

function combinations_next(o: PyObject): PyObject | null {
  const st = o.ob_data as CombState;
  if (st.stopped) return null;
  const items = o.ob_item!;
  const pool = items[1]!.ob_item as PyObject[];
  const n = pool.length, r = st.r;
  const indices = st.indices;
  if (items[0] === null) {
    if (r > n) {
      st.stopped = true;
      return null;
    }
    const t = PyTuple_FromArraySteal(indices.map((i) => ref(pool[i])));
    items[0] = ref(t);
    return t;
  }
  let i = r - 1;
  while (i >= 0 && indices[i] === i + n - r) i--;
  if (i < 0) {
    st.stopped = true;
    return null;
  }
  indices[i]++;
  for (let j = i + 1; j < r; j++) indices[j] = indices[j - 1] + 1;
  const values = (items[0]!.ob_item as PyObject[]).slice();
  for (const v of values) Py_INCREF(v);
  for (let j = i; j < r; j++) replace(values, j, pool[indices[j]]);
  return reuseResult(o, 0, values);
}

function cwr_next(o: PyObject): PyObject | null {
  const st = o.ob_data as CombState;
  if (st.stopped) return null;
  const items = o.ob_item!;
  const pool = items[1]!.ob_item as PyObject[];
  const n = pool.length, r = st.r;
  const indices = st.indices;
  if (items[0] === null) {
    if (n === 0 && r > 0) {
      st.stopped = true;
      return null;
    }
    const t = PyTuple_FromArraySteal(indices.map((i) => ref(pool[i])));
    items[0] = ref(t);
    return t;
  }
  let i = r - 1;
  while (i >= 0 && indices[i] === n - 1) i--;
  if (i < 0) {
    st.stopped = true;
    return null;
  }
  const index = indices[i] + 1;
  const values = (items[0]!.ob_item as PyObject[]).slice();
  for (const v of values) Py_INCREF(v);
  for (let j = i; j < r; j++) {
    indices[j] = index;
    replace(values, j, pool[index]);
  }
  return reuseResult(o, 0, values);
}

function permutations_next(o: PyObject): PyObject | null {
  const st = o.ob_data as CombState;
  if (st.stopped) return null;
  const items = o.ob_item!;
  const pool = items[1]!.ob_item as PyObject[];
  const n = pool.length, r = st.r;
  const indices = st.indices, cycles = st.cycles;
  if (items[0] === null) {
    if (r > n) {
      st.stopped = true;
      return null;
    }
    const values: PyObject[] = [];
    for (let i = 0; i < r; i++) values.push(ref(pool[indices[i]]));
    const t = PyTuple_FromArraySteal(values);
    items[0] = ref(t);
    return t;
  }
  if (n === 0) {
    st.stopped = true;
    return null;
  }
  const values = (items[0]!.ob_item as PyObject[]).slice();
  for (const v of values) Py_INCREF(v);
  let i = r - 1;
  for (; i >= 0; i--) {
    cycles[i]--;
    if (cycles[i] === 0) {
      // rotate indices[i:] left by one
      const first = indices[i];
      for (let j = i; j < n - 1; j++) indices[j] = indices[j + 1];
      indices[n - 1] = first;
      cycles[i] = n - i;
    } else {
      const j = cycles[i];
      const t = indices[i];
      indices[i] = indices[n - j];
      indices[n - j] = t;
      for (let k = i; k < r; k++) replace(values, k, pool[indices[k]]);
      break;
    }
  }
  if (i < 0) {
    for (const v of values) Py_DECREF(v);
    st.stopped = true;
    return null;
  }
  return reuseResult(o, 0, values);
}

// ---- the types and the module ------------------------------------------------------------------

iterType({
  name: "count",
  basicsize: 48,
  next: count_next,
  new: count_new,
  repr: count_repr,
});
const cycleType = iterType({ name: "cycle", basicsize: 48, next: cycle_next, new: cycle_new });
iterType({
  name: "repeat",
  basicsize: 32,
  next: repeat_next,
  new: repeat_new,
  repr: repeat_repr,
  methods: [{ ml_name: "__length_hint__", ml_meth: repeat_length_hint, ml_flags: METH_NOARGS }],
});
iterType({
  name: "accumulate",
  basicsize: 56,
  next: accumulate_next,
  new: accumulate_new,
});
const chainType = iterType({
  name: "chain",
  basicsize: 32,
  next: chain_next,
  new: chain_new,
  methods: [{
    ml_name: "from_iterable",
    ml_meth: chain_from_iterable,
    ml_flags: METH_O | METH_CLASS,
  }],
});
iterType({
  name: "compress",
  basicsize: 32,
  next: compress_next,
  new: compress_new,
});
const dropwhileType: PyTypeObject = iterType({
  name: "dropwhile",
  basicsize: 40,
  next: dropwhile_next,
  new: predicateIterNew("dropwhile", () => dropwhileType),
});
const takewhileType: PyTypeObject = iterType({
  name: "takewhile",
  basicsize: 40,
  next: takewhile_next,
  new: predicateIterNew("takewhile", () => takewhileType),
});
const filterfalseType: PyTypeObject = iterType({
  name: "filterfalse",
  basicsize: 32,
  next: filterfalse_next,
  new: predicateIterNew("filterfalse", () => filterfalseType),
});
const starmapType: PyTypeObject = iterType({
  name: "starmap",
  basicsize: 32,
  next: starmap_next,
  new: predicateIterNew("starmap", () => starmapType),
});
iterType({
  name: "groupby",
  basicsize: 64,
  next: groupby_next,
  new: groupby_new,
});
const grouperType = iterType({
  name: "_grouper",
  basicsize: 40,
  next: grouper_next,
  new: grouper_new,
  base: false,
});
const isliceType = iterType({ name: "islice", basicsize: 56, next: islice_next, new: islice_new });
const teeType = iterType({
  name: "_tee",
  basicsize: 40,
  next: tee_next,
  new: tee_new,
  base: false,
  methods: [{ ml_name: "__copy__", ml_meth: tee_copy, ml_flags: METH_NOARGS }],
});
registerReferents(teeType, tee_referents);
iterType({
  name: "zip_longest",
  basicsize: 56,
  next: zip_longest_next,
  new: zip_longest_new,
});
const pairwiseType = iterType({
  name: "pairwise",
  basicsize: 32,
  next: pairwise_next,
  new: pairwise_new,
});
iterType({
  name: "product",
  basicsize: 48,
  next: product_next,
  new: product_new,
});
iterType({
  name: "permutations",
  basicsize: 56,
  next: permutations_next,
  new: combNew("permutations", false, (n, r) => ({
    indices: Array.from({ length: n }, (_, i) => i),
    cycles: Array.from({ length: Math.max(r, 0) }, (_, i) => n - i),
    r,
    stopped: false,
  })),
});
iterType({
  name: "combinations",
  basicsize: 48,
  next: combinations_next,
  new: combNew("combinations", true, (_n, r) => ({
    indices: Array.from({ length: r }, (_, i) => i),
    cycles: [],
    r,
    stopped: false,
  })),
});
iterType({
  name: "combinations_with_replacement",
  basicsize: 48,
  next: cwr_next,
  new: combNew("combinations_with_replacement", true, (_n, r) => ({
    indices: new Array(r).fill(0),
    cycles: [],
    r,
    stopped: false,
  })),
});

registerBuiltinModule({
  name: "itertools",
  doc: "Functional tools for creating and using iterators.",
  methods: [{ ml_name: "tee", ml_meth: itertools_tee, ml_flags: 0x0080 }],
  exec(mod) {
    for (const t of types) {
      PyType_Ready(t);
      if (t !== grouperType && t !== teeType) PyModule_AddType(mod, t);
    }
    PyModule_AddType(mod, teeType);
    PyModule_AddType(mod, grouperType);
  },
});
