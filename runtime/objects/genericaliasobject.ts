// types.GenericAlias (Objects/genericaliasobject.c): what list[int] evaluates to.
// ob_item = [origin, args tuple].

import {
  Py_DECREF,
  Py_Ellipsis,
  Py_None,
  PyGenericAlias_Type,
  PyObject,
  PyObject_GC_Del,
  PyObject_GC_Init,
  PyObject_GC_Track,
  PyObject_GC_UnTrack,
  type visitproc,
} from "./object.ts";
import { PyTuple_Check, PyTuple_FromArray } from "./tupleobject.ts";
import { _Py_ID, PyUnicode_Check, PyUnicode_FromString } from "./unicodeobject.ts";
import { _PyObject_LookupAttr, PyObject_Str, reprText, str } from "./objectops.ts";
import type { PyTypeObject } from "./object.ts";
import { checkPositional, noKeywords } from "./argparse.ts";

export function Py_GenericAlias(origin: PyObject, args: PyObject): PyObject {
  const ga = new PyObject(PyGenericAlias_Type);
  PyObject_GC_Init(ga, 56);
  origin.ob_refcnt++;
  let tuple: PyObject;
  if (PyTuple_Check(args)) {
    args.ob_refcnt++;
    tuple = args;
  } else tuple = PyTuple_FromArray([args]);
  ga.ob_item = [origin, tuple];
  PyObject_GC_Track(ga);
  return ga;
}

/** ga_new: types.GenericAlias(origin, args), as classmethod(GenericAlias) calls it. */
export function ga_new(type: PyTypeObject, args: PyObject, kwds: PyObject | null): PyObject {
  noKeywords("GenericAlias", kwds);
  const items = args.ob_item as PyObject[];
  checkPositional("GenericAlias", items.length, 2, 2);
  if (type === PyGenericAlias_Type) return Py_GenericAlias(items[0], items[1]);
  const ga = type.tp_alloc!(type, 0);
  const made = Py_GenericAlias(items[0], items[1]);
  ga.ob_item = made.ob_item;
  made.ob_item = [];
  Py_DECREF(made);
  return ga;
}

export function ga_dealloc(ga: PyObject): void {
  PyObject_GC_UnTrack(ga);
  for (const o of ga.ob_item as PyObject[]) Py_DECREF(o);
  PyObject_GC_Del(ga);
}

export function ga_traverse(ga: PyObject, visit: visitproc, arg: unknown): number {
  for (const o of ga.ob_item as PyObject[]) {
    const r = visit(o, arg);
    if (r) return r;
  }
  return 0;
}

/** ga_repr_item: a generic alias by its repr; anything else with a __qualname__ and a
 * __module__ (a class of any metaclass, a function) as module.qualname; the rest by repr. */
function itemRepr(o: PyObject): string {
  if (o === Py_Ellipsis) return "...";
  const lookup = (name: string): PyObject | null => _PyObject_LookupAttr(o, _Py_ID(name));
  const origin = lookup("__origin__");
  if (origin !== null) {
    Py_DECREF(origin);
    const args = lookup("__args__");
    if (args !== null) {
      Py_DECREF(args);
      return reprText(o);
    }
  }
  const qualname = lookup("__qualname__");
  if (qualname === null) return reprText(o);
  try {
    const module = lookup("__module__");
    if (module === null) return reprText(o);
    try {
      if (module === Py_None) return reprText(o);
      const q = textOf(qualname);
      if (PyUnicode_Check(module) && str(module) === "builtins") return q;
      return `${textOf(module)}.${q}`;
    } finally {
      Py_DECREF(module);
    }
  } finally {
    Py_DECREF(qualname);
  }
}

function textOf(o: PyObject): string {
  const s = PyObject_Str(o);
  try {
    return str(s);
  } finally {
    Py_DECREF(s);
  }
}

export function ga_repr(ga: PyObject): PyObject {
  const [origin, args] = ga.ob_item as PyObject[];
  const parts = (args.ob_item as PyObject[]).map(itemRepr);
  return PyUnicode_FromString(`${itemRepr(origin)}[${parts.length ? parts.join(", ") : "()"}]`);
}
