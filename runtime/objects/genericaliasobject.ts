// types.GenericAlias (Objects/genericaliasobject.c): what list[int] evaluates to.
// ob_item = [origin, args tuple].

import {
  Py_DECREF,
  Py_Ellipsis,
  PyGenericAlias_Type,
  PyObject,
  PyObject_GC_Del,
  PyObject_GC_Init,
  PyObject_GC_Track,
  PyObject_GC_UnTrack,
  type visitproc,
} from "./object.ts";
import { PyTuple_Check, PyTuple_FromArray } from "./tupleobject.ts";
import { PyUnicode_FromString } from "./unicodeobject.ts";
import { reprText, typeModuleName, typeQualName } from "./objectops.ts";
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

function itemRepr(o: PyObject): string {
  if (o === Py_Ellipsis) return "...";
  if (o.ob_type.tp_name === "type") {
    const t = o as PyTypeObject;
    const mod = typeModuleName(t);
    return mod === null || mod === "builtins" ? typeQualName(t) : `${mod}.${typeQualName(t)}`;
  }
  return reprText(o);
}

export function ga_repr(ga: PyObject): PyObject {
  const [origin, args] = ga.ob_item as PyObject[];
  const parts = (args.ob_item as PyObject[]).map(itemRepr);
  return PyUnicode_FromString(`${itemRepr(origin)}[${parts.length ? parts.join(", ") : "()"}]`);
}
