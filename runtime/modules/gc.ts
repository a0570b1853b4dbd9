// The gc module (Modules/gcmodule.c): the Python face of memory/gc.ts — generation
// counts and thresholds, enabling, tracking queries, referents, freeze, and collect().
// The cycle-finding algorithm plugs into GCState (memory/gc.ts, setCollector); until it
// does, collect() does the generation bookkeeping and finds nothing.

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
  Py_None,
  Py_True,
  type PyMethodDef,
  PyObject,
  PyObject_IS_GC,
} from "../objects/object.ts";
import { PyErr_Format } from "../objects/errors.ts";
import { PyExc_TypeError, PyExc_ValueError } from "../objects/exceptions.ts";
import { PyModule_GetDict, PyModule_New } from "../objects/moduleobject.ts";
import { PyCFunction_New } from "../objects/methodobject.ts";
import { PyDict_New, PyDict_SetItemString } from "../objects/dictobject.ts";
import { PyUnicode_InternFromString } from "../objects/unicodeobject.ts";
import { PyTuple_FromArraySteal } from "../objects/tupleobject.ts";
import { PyList_Append, PyList_FromArraySteal } from "../objects/listobject.ts";
import { longValue, PyLong_Check, PyLong_FromNumber } from "../objects/longobject.ts";
import { listMerge, listSize, NUM_GENERATIONS, PREV_MASK_FINALIZED } from "../memory/gc.ts";
import { unpackKeywords } from "../objects/argparse.ts";
import { registerModule } from "./registry.ts";

type Args = (PyObject | null)[];

function none(): PyObject {
  Py_None.ob_refcnt++;
  return Py_None;
}

function bool(v: boolean): PyObject {
  const r = v ? Py_True : Py_False;
  r.ob_refcnt++;
  return r;
}

function intArg(v: PyObject, what: string): number {
  if (!PyLong_Check(v)) {
    throw PyErr_Format(
      PyExc_TypeError,
      `'${v.ob_type.tp_name}' object cannot be interpreted as an integer`,
    );
  }
  void what;
  return Number(longValue(v));
}

const collectParams = ["generation"] as const;
function gc_collect(
  _m: PyObject,
  args: Args,
  off: number,
  nargs: number,
  kwnames: PyObject | null,
): PyObject {
  const [g] = unpackKeywords("collect", collectParams, args, off, nargs, kwnames, 0, 1, 0);
  const generation = g === null ? NUM_GENERATIONS - 1 : intArg(g, "generation");
  if (generation < 0 || generation >= NUM_GENERATIONS) {
    throw PyErr_Format(PyExc_ValueError, "invalid generation");
  }
  if (gcstate.collecting) return PyLong_FromNumber(0);
  gcstate.collecting = true;
  try {
    return PyLong_FromNumber(gcstate.collect(generation));
  } finally {
    gcstate.collecting = false;
  }
}

function gc_get_count(_m: PyObject): PyObject {
  const g = gcstate.generations;
  return PyTuple_FromArraySteal(g.map((x) => PyLong_FromNumber(x.count)));
}

function gc_get_threshold(_m: PyObject): PyObject {
  const g = gcstate.generations;
  return PyTuple_FromArraySteal(g.map((x) => PyLong_FromNumber(x.threshold)));
}

function gc_set_threshold(_m: PyObject, args: PyObject): PyObject {
  const items = args.ob_item as PyObject[];
  if (items.length < 1 || items.length > 3) {
    throw PyErr_Format(
      PyExc_TypeError,
      items.length < 1
        ? `set_threshold expected at least 1 argument, got ${items.length}`
        : `set_threshold expected at most 3 arguments, got ${items.length}`,
    );
  }
  const values = items.map((v) => intArg(v, "threshold"));
  values.forEach((v, i) => (gcstate.generations[i].threshold = v));
  return none();
}

function gc_is_tracked(_m: PyObject, o: PyObject): PyObject {
  return bool(PyObject_IS_GC(o) && _PyObject_GC_IS_TRACKED(o));
}

function gc_is_finalized(_m: PyObject, o: PyObject): PyObject {
  return bool(PyObject_IS_GC(o) && (o.ob_gc & PREV_MASK_FINALIZED) !== 0);
}

function gc_get_referents(_m: PyObject, args: PyObject): PyObject {
  const result = PyList_FromArraySteal([]);
  for (const o of args.ob_item as PyObject[]) {
    if (!PyObject_IS_GC(o)) continue;
    const traverse = o.ob_type.tp_traverse;
    if (traverse === null) continue;
    traverse(o, (r: PyObject) => {
      PyList_Append(result, r);
      return 0;
    }, null);
  }
  return result;
}

function gc_freeze(_m: PyObject): PyObject {
  for (const g of gcstate.generations) {
    listMerge(g.head, gcstate.permanent.head);
    g.count = 0;
  }
  return none();
}

function gc_unfreeze(_m: PyObject): PyObject {
  listMerge(gcstate.permanent.head, gcstate.generations[NUM_GENERATIONS - 1].head);
  return none();
}

function gc_get_freeze_count(_m: PyObject): PyObject {
  return PyLong_FromNumber(listSize(gcstate.permanent.head));
}

function gc_get_stats(_m: PyObject): PyObject {
  return PyList_FromArraySteal(gcstate.stats.map((st) => {
    const d = PyDict_New();
    for (
      const [k, v] of [["collections", st.collections], ["collected", st.collected], [
        "uncollectable",
        st.uncollectable,
      ]] as const
    ) {
      const n = PyLong_FromNumber(v);
      PyDict_SetItemString(d, k, n);
      Py_DECREF(n);
    }
    return d;
  }));
}

function gc_set_debug(_m: PyObject, flags: PyObject): PyObject {
  gcstate.debug = intArg(flags, "flags");
  return none();
}

function m(name: string, meth: PyMethodDef["ml_meth"], flags: number): PyMethodDef {
  return { ml_name: name, ml_meth: meth, ml_flags: flags };
}

const gcMethods: PyMethodDef[] = [
  m("enable", () => ((gcstate.enabled = true), none()), METH_NOARGS),
  m("disable", () => ((gcstate.enabled = false), none()), METH_NOARGS),
  m("isenabled", () => bool(gcstate.enabled), METH_NOARGS),
  m("collect", gc_collect, METH_FASTCALL | METH_KEYWORDS),
  m("get_count", gc_get_count, METH_NOARGS),
  m("get_threshold", gc_get_threshold, METH_NOARGS),
  m("set_threshold", gc_set_threshold, METH_VARARGS),
  m("get_debug", () => PyLong_FromNumber(gcstate.debug), METH_NOARGS),
  m("set_debug", gc_set_debug, METH_O),
  m("is_tracked", gc_is_tracked, METH_O),
  m("is_finalized", gc_is_finalized, METH_O),
  m("get_referents", gc_get_referents, METH_VARARGS),
  m("get_stats", gc_get_stats, METH_NOARGS),
  m("freeze", gc_freeze, METH_NOARGS),
  m("unfreeze", gc_unfreeze, METH_NOARGS),
  m("get_freeze_count", gc_get_freeze_count, METH_NOARGS),
];

let gcModule: PyObject | null = null;

function makeGc(): PyObject {
  if (gcModule !== null) {
    gcModule.ob_refcnt++;
    return gcModule;
  }
  const mod = PyModule_New(
    "gc",
    "This module provides access to the garbage collector for reference cycles.",
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
    ["DEBUG_STATS", 1],
    ["DEBUG_COLLECTABLE", 2],
    ["DEBUG_UNCOLLECTABLE", 4],
    ["DEBUG_SAVEALL", 32],
    ["DEBUG_LEAK", 38],
  ];
  for (const [name, v] of consts) {
    const n = PyLong_FromNumber(v);
    PyDict_SetItemString(d, name, n);
    Py_DECREF(n);
  }
  gcModule = mod;
  mod.ob_refcnt++;
  return mod;
}

registerModule("gc", makeGc);
