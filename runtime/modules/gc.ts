// The gc module (Modules/gcmodule.c): the Python face of memory/gc.ts — collecting,
// generation counts and thresholds, debugging flags, the tracked objects and their
// references, freeze, gc.garbage and gc.callbacks. Loading this file also connects the
// collector to the object layer (GCState.hooks): callbacks, weakref callbacks, gc.garbage,
// sys.stderr and the free lists.

import {
  _PyObject_GC_IS_TRACKED,
  gcstate,
  METH_FASTCALL,
  METH_KEYWORDS,
  METH_NOARGS,
  METH_O,
  METH_VARARGS,
  Py_DECREF,
  Py_False,
  Py_INCREF,
  Py_None,
  Py_True,
  PyDict_Type,
  type PyMethodDef,
  PyObject,
  PyTuple_Type,
} from "../objects/object.ts";
import { PyErr_Format } from "../objects/errors.ts";
import { PyExc_TypeError, PyExc_ValueError } from "../objects/exceptions.ts";
import { PyModule_GetDict, PyModule_NewBuiltin } from "../objects/moduleobject.ts";
import { PyCFunction_New } from "../objects/methodobject.ts";
import {
  _PyDict_ClearFreeList,
  type DictKeys,
  PyDict_New,
  PyDict_SetItem,
  PyDict_SetItemString,
} from "../objects/dictobject.ts";
import { PyUnicode_FromString, PyUnicode_InternFromString } from "../objects/unicodeobject.ts";
import { _PyTuple_ClearFreeList, PyTuple_FromArraySteal } from "../objects/tupleobject.ts";
import {
  _PyList_ClearFreeList,
  PyList_Append,
  PyList_FromArraySteal,
} from "../objects/listobject.ts";
import { _PyFloat_ClearFreeList } from "../objects/floatobject.ts";
import { longValue, PyLong_Check, PyLong_FromNumber } from "../objects/longobject.ts";
import { PyObject_Vectorcall } from "../objects/call.ts";
import { writeUnraisable } from "../objects/unraisable.ts";
import { handle_callback } from "../objects/weakrefobject.ts";
import { addressOf } from "../memory/obmalloc.ts";
import {
  DEBUG_COLLECTABLE,
  DEBUG_SAVEALL,
  DEBUG_STATS,
  DEBUG_UNCOLLECTABLE,
  gc_list_merge,
  gc_list_size,
  gcUntrack,
  isGC,
  NUM_GENERATIONS,
  PREV_MASK_FINALIZED,
  untrackHooks,
} from "../memory/gc.ts";
import { getargsIntArg, intArg, unpackKeywords } from "../objects/argparse.ts";
import { writeStderr } from "./sys.ts";
import { registerModule } from "./registry.ts";
import "../memory/referents.ts";
import { registerRoots } from "../memory/audit.ts";

type Args = (PyObject | null)[];

function none(): PyObject {
  Py_INCREF(Py_None);
  return Py_None;
}

function bool(v: boolean): PyObject {
  const r = v ? Py_True : Py_False;
  Py_INCREF(r);
  return r;
}

// ---- the collector's hooks into the object layer ---------------------------------------------

/** _PyObject_GC_MAY_BE_TRACKED */
function mayBeTracked(o: PyObject): boolean {
  if (!isGC(o)) return false;
  if (o.ob_type === PyTuple_Type) return _PyObject_GC_IS_TRACKED(o);
  return true;
}

/** _PyTuple_MaybeUntrack: a tuple of atoms (and untracked tuples) needs no tracking. */
function tupleMaybeUntrack(op: PyObject): void {
  if (op.ob_type !== PyTuple_Type || op.gc_next === null) return;
  const items = op.ob_item!;
  for (let i = 0; i < items.length; i++) {
    const elt = items[i];
    if (elt === null || mayBeTracked(elt)) return;
  }
  gcUntrack(op);
}

/** _PyDict_MaybeUntrack: a dict of atoms needs no tracking (keys too unless all are str). */
function dictMaybeUntrack(op: PyObject): void {
  if (op.ob_type !== PyDict_Type || op.gc_next === null) return;
  const k = op.ob_data as DictKeys;
  for (let i = 0; i < k.nentries; i++) {
    const v = k.values[i];
    if (v === null) continue;
    if (mayBeTracked(v)) return;
    if (!k.unicode && mayBeTracked(k.keys[i]!)) return;
  }
  gcUntrack(op);
}

untrackHooks.tupleMaybeUntrack = tupleMaybeUntrack;
untrackHooks.dictMaybeUntrack = dictMaybeUntrack;
untrackHooks.tupleType = PyTuple_Type;
untrackHooks.dictType = PyDict_Type;

/** invoke_gc_callback: each gc.callbacks entry is called with (phase, info). */
function invokeCallbacks(
  phase: "start" | "stop",
  generation: number,
  collected: number,
  uncollectable: number,
): void {
  const callbacks = gcstate.callbacks;
  if (callbacks === null) return;
  const list = () => callbacks.ob_item as PyObject[];
  let info: PyObject | null = null;
  if (list().length !== 0) {
    // Py_BuildValue("{sisnsn}", ...)
    info = PyDict_New();
    for (
      const [k, v] of [
        ["generation", generation],
        ["collected", collected],
        ["uncollectable", uncollectable],
      ] as const
    ) {
      const key = PyUnicode_FromString(k);
      const val = PyLong_FromNumber(v);
      PyDict_SetItem(info, key, val);
      Py_DECREF(key);
      Py_DECREF(val);
    }
  }
  for (let i = 0; i < list().length; i++) {
    const cb = list()[i];
    Py_INCREF(cb);
    const phaseStr = PyUnicode_FromString(phase);
    try {
      Py_DECREF(PyObject_Vectorcall(cb, [phaseStr, info!], 0, 2, null));
    } catch (e) {
      writeUnraisable(e, cb);
    }
    Py_DECREF(phaseStr);
    Py_DECREF(cb);
  }
  if (info !== null) Py_DECREF(info);
}

// _PyGC_Init: gc.garbage and gc.callbacks exist from the interpreter's start.
gcstate.garbage ??= PyList_FromArraySteal([]);
gcstate.callbacks ??= PyList_FromArraySteal([]);
registerRoots("gc.garbage, gc.callbacks, the gc module", (visit) => {
  visit(gcstate.garbage!);
  visit(gcstate.callbacks!);
  if (gcModule !== null) visit(gcModule);
});

gcstate.hooks = {
  invokeCallbacks,
  weakrefCallback: handle_callback,
  appendGarbage: (op) => PyList_Append(gcstate.garbage!, op),
  writeStderr,
  address: (op) => "0x" + addressOf(op.ob_id).toString(16),
  clearFreelists() {
    _PyTuple_ClearFreeList();
    _PyFloat_ClearFreeList();
    _PyList_ClearFreeList();
    _PyDict_ClearFreeList();
  },
};

// ---- the module's functions --------------------------------------------------------------------

const collectParams = ["generation"] as const;
function gc_collect(
  _m: PyObject,
  args: Args,
  off: number,
  nargs: number,
  kwnames: PyObject | null,
): PyObject {
  const [g] = unpackKeywords("collect", collectParams, args, off, nargs, kwnames, 0, 1, 0);
  const generation = g === null ? NUM_GENERATIONS - 1 : intArg(g);
  if (generation < 0 || generation >= NUM_GENERATIONS) {
    throw PyErr_Format(PyExc_ValueError, "invalid generation");
  }
  if (gcstate.collecting) return PyLong_FromNumber(0);
  gcstate.collecting = true;
  let n: number;
  try {
    n = gcstate.collectWithCallback(generation);
  } finally {
    gcstate.collecting = false;
  }
  return PyLong_FromNumber(n);
}

/** Py_BuildValue("(iii)", ...) of three numbers read before the tuple is made. */
function tripleOf(values: number[]): PyObject {
  return PyTuple_FromArraySteal(values.map((v) => PyLong_FromNumber(v)));
}

function gc_get_count(_m: PyObject): PyObject {
  return tripleOf(gcstate.generations.map((g) => g.count));
}

function gc_get_threshold(_m: PyObject): PyObject {
  return tripleOf(gcstate.generations.map((g) => g.threshold));
}

/** set_threshold(threshold0, [threshold1, threshold2]): PyArg_ParseTuple "i|ii". */
function gc_set_threshold(_m: PyObject, args: PyObject): PyObject {
  const items = args.ob_item as PyObject[];
  if (items.length < 1) {
    throw PyErr_Format(
      PyExc_TypeError,
      `set_threshold() takes at least 1 argument (${items.length} given)`,
    );
  }
  if (items.length > 3) {
    throw PyErr_Format(
      PyExc_TypeError,
      `set_threshold() takes at most 3 arguments (${items.length} given)`,
    );
  }
  const values = items.map(getargsIntArg);
  values.forEach((v, i) => (gcstate.generations[i].threshold = v));
  return none();
}

function gc_is_tracked(_m: PyObject, o: PyObject): PyObject {
  return bool(isGC(o) && _PyObject_GC_IS_TRACKED(o));
}

function gc_is_finalized(_m: PyObject, o: PyObject): PyObject {
  return bool(isGC(o) && (o.ob_gc & PREV_MASK_FINALIZED) !== 0);
}

function gc_get_referents(_m: PyObject, args: PyObject): PyObject {
  const result = PyList_FromArraySteal([]);
  try {
    for (const o of args.ob_item as PyObject[]) {
      if (!isGC(o)) continue;
      const traverse = o.ob_type.tp_traverse;
      if (traverse === null) continue;
      traverse(o, (r: PyObject) => {
        PyList_Append(result, r);
        return 0;
      }, null);
    }
  } catch (e) {
    Py_DECREF(result);
    throw e;
  }
  return result;
}

function gc_get_referrers(_m: PyObject, args: PyObject): PyObject {
  const objs = args.ob_item as PyObject[];
  const result = PyList_FromArraySteal([]);
  const visit = (o: PyObject) => (objs.includes(o) ? 1 : 0);
  try {
    for (const g of gcstate.generations) {
      const head = g.head;
      for (let gc = head.gc_next!; gc !== head; gc = gc.gc_next!) {
        if (gc === args || gc === result) continue;
        if (gc.ob_type.tp_traverse!(gc, visit, null)) PyList_Append(result, gc);
      }
    }
  } catch (e) {
    Py_DECREF(result);
    throw e;
  }
  return result;
}

/** append_objects: every object of a generation list but the result list itself. */
function appendObjects(result: PyObject, head: PyObject): void {
  for (let gc = head.gc_next!; gc !== head; gc = gc.gc_next!) {
    if (gc !== result) PyList_Append(result, gc);
  }
}

const getObjectsParams = ["generation"] as const;
function gc_get_objects(
  _m: PyObject,
  args: Args,
  off: number,
  nargs: number,
  kwnames: PyObject | null,
): PyObject {
  const [g] = unpackKeywords("get_objects", getObjectsParams, args, off, nargs, kwnames, 0, 1, 0);
  let generation = -1;
  if (g !== null && g !== Py_None) {
    if (!PyLong_Check(g)) {
      throw PyErr_Format(
        PyExc_TypeError,
        `'${g.ob_type.tp_name}' object cannot be interpreted as an integer`,
      );
    }
    generation = Number(longValue(g));
  }
  const result = PyList_FromArraySteal([]);
  if (generation !== -1) {
    if (generation >= NUM_GENERATIONS) {
      Py_DECREF(result);
      throw PyErr_Format(
        PyExc_ValueError,
        `generation parameter must be less than the number of available generations (${NUM_GENERATIONS})`,
      );
    }
    if (generation < 0) {
      Py_DECREF(result);
      throw PyErr_Format(PyExc_ValueError, "generation parameter cannot be negative");
    }
    appendObjects(result, gcstate.generations[generation].head);
    return result;
  }
  for (const gen of gcstate.generations) appendObjects(result, gen.head);
  return result;
}

function gc_freeze(_m: PyObject): PyObject {
  for (const g of gcstate.generations) {
    gc_list_merge(g.head, gcstate.permanent.head);
    g.count = 0;
  }
  return none();
}

function gc_unfreeze(_m: PyObject): PyObject {
  gc_list_merge(gcstate.permanent.head, gcstate.generations[NUM_GENERATIONS - 1].head);
  return none();
}

function gc_get_freeze_count(_m: PyObject): PyObject {
  return PyLong_FromNumber(gc_list_size(gcstate.permanent.head));
}

function gc_get_stats(_m: PyObject): PyObject {
  // A snapshot first: building the result may itself start a collection.
  const snapshot = gcstate.stats.map((st) => ({ ...st }));
  const result = PyList_FromArraySteal([]);
  for (const st of snapshot) {
    const d = PyDict_New();
    for (
      const [k, v] of [
        ["collections", st.collections],
        ["collected", st.collected],
        ["uncollectable", st.uncollectable],
      ] as const
    ) {
      const key = PyUnicode_FromString(k);
      const n = PyLong_FromNumber(v);
      PyDict_SetItem(d, key, n);
      Py_DECREF(key);
      Py_DECREF(n);
    }
    PyList_Append(result, d);
    Py_DECREF(d);
  }
  return result;
}

function gc_set_debug(_m: PyObject, flags: PyObject): PyObject {
  gcstate.debug = intArg(flags);
  return none();
}

function m(name: string, meth: PyMethodDef["ml_meth"], flags: number): PyMethodDef {
  return { ml_name: name, ml_meth: meth, ml_flags: flags };
}

const gcMethods: PyMethodDef[] = [
  m("enable", () => ((gcstate.enabled = true), none()), METH_NOARGS),
  m("disable", () => ((gcstate.enabled = false), none()), METH_NOARGS),
  m("isenabled", () => bool(gcstate.enabled), METH_NOARGS),
  m("set_debug", gc_set_debug, METH_O),
  m("get_debug", () => PyLong_FromNumber(gcstate.debug), METH_NOARGS),
  m("get_count", gc_get_count, METH_NOARGS),
  m("set_threshold", gc_set_threshold, METH_VARARGS),
  m("get_threshold", gc_get_threshold, METH_NOARGS),
  m("collect", gc_collect, METH_FASTCALL | METH_KEYWORDS),
  m("get_objects", gc_get_objects, METH_FASTCALL | METH_KEYWORDS),
  m("get_stats", gc_get_stats, METH_NOARGS),
  m("is_tracked", gc_is_tracked, METH_O),
  m("is_finalized", gc_is_finalized, METH_O),
  m("get_referrers", gc_get_referrers, METH_VARARGS),
  m("get_referents", gc_get_referents, METH_VARARGS),
  m("freeze", gc_freeze, METH_NOARGS),
  m("unfreeze", gc_unfreeze, METH_NOARGS),
  m("get_freeze_count", gc_get_freeze_count, METH_NOARGS),
];

let gcModule: PyObject | null = null;

function makeGc(): PyObject {
  if (gcModule !== null) {
    Py_INCREF(gcModule);
    return gcModule;
  }
  const mod = PyModule_NewBuiltin(
    "gc",
    "This module provides access to the garbage collector for reference cycles.\n\n" +
      "enable() -- Enable automatic garbage collection.\n" +
      "disable() -- Disable automatic garbage collection.\n" +
      "isenabled() -- Returns true if automatic collection is enabled.\n" +
      "collect() -- Do a full collection right now.\n" +
      "get_count() -- Return the current collection counts.\n" +
      "get_stats() -- Return list of dictionaries containing per-generation stats.\n" +
      "set_debug() -- Set debugging flags.\n" +
      "get_debug() -- Get debugging flags.\n" +
      "set_threshold() -- Set the collection thresholds.\n" +
      "get_threshold() -- Return the current the collection thresholds.\n" +
      "get_objects() -- Return a list of all objects tracked by the collector.\n" +
      "is_tracked() -- Returns true if a given object is tracked.\n" +
      "is_finalized() -- Returns true if a given object has been already finalized.\n" +
      "get_referrers() -- Return the list of objects that refer to an object.\n" +
      "get_referents() -- Return the list of objects that an object refers to.\n" +
      "freeze() -- Freeze all tracked objects and ignore them for future collections.\n" +
      "unfreeze() -- Unfreeze all objects in the permanent generation.\n" +
      "get_freeze_count() -- Return the number of objects in the permanent generation.\n",
  );
  const d = PyModule_GetDict(mod);
  const modName = PyUnicode_InternFromString("gc");
  for (const ml of gcMethods) {
    const f = PyCFunction_New(ml, mod, modName);
    PyDict_SetItemString(d, ml.ml_name, f);
    Py_DECREF(f);
  }
  Py_DECREF(modName);
  if (gcstate.garbage === null) gcstate.garbage = PyList_FromArraySteal([]);
  if (gcstate.callbacks === null) gcstate.callbacks = PyList_FromArraySteal([]);
  PyDict_SetItemString(d, "garbage", gcstate.garbage);
  PyDict_SetItemString(d, "callbacks", gcstate.callbacks);
  const consts: [string, number][] = [
    ["DEBUG_STATS", DEBUG_STATS],
    ["DEBUG_COLLECTABLE", DEBUG_COLLECTABLE],
    ["DEBUG_UNCOLLECTABLE", DEBUG_UNCOLLECTABLE],
    ["DEBUG_SAVEALL", DEBUG_SAVEALL],
    ["DEBUG_LEAK", DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL],
  ];
  for (const [name, v] of consts) {
    const n = PyLong_FromNumber(v);
    PyDict_SetItemString(d, name, n);
    Py_DECREF(n);
  }
  gcModule = mod;
  Py_INCREF(mod);
  return mod;
}

registerModule("gc", makeGc);
