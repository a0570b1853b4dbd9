// types.GenericAlias (Objects/genericaliasobject.c): what list[int] evaluates to.
// ob_item = [origin, args tuple].

import {
  newObject,
  Py_DECREF,
  Py_Ellipsis,
  Py_EQ,
  Py_INCREF,
  Py_NE,
  Py_None,
  Py_RETURN_NOTIMPLEMENTED,
  PyBool_FromLong,
  PyGenericAlias_Type,
  PyObject,
  PyObject_GC_Del,
  PyObject_GC_Init,
  PyObject_GC_Track,
  PyObject_GC_UnTrack,
  PyType_IsSubtype,
  type visitproc,
} from "./object.ts";
import { PyTuple_Check, PyTuple_FromArray, PyTuple_FromArraySteal } from "./tupleobject.ts";
import { _Py_ID, PyUnicode_Check, PyUnicode_FromString } from "./unicodeobject.ts";
import {
  _PyObject_LookupAttr,
  PyObject_GenericGetAttr,
  PyObject_GetAttr,
  PyObject_Hash,
  PyObject_IsTrue,
  PyObject_RichCompare,
  PyObject_RichCompareBool,
  PyObject_SetAttr,
  PyObject_Str,
  reprText,
  str,
} from "./objectops.ts";
import { Hash } from "./pyhash.ts";
import { PyObject_Call } from "./call.ts";
import { PyErr_ExceptionMatches, PyErr_Format } from "./errors.ts";
import { PyExc_AttributeError, PyExc_TypeError } from "./exceptions.ts";
import type { PyTypeObject } from "./object.ts";
import { checkPositional, noKeywords } from "./argparse.ts";

export function Py_GenericAlias(origin: PyObject, args: PyObject): PyObject {
  const ga = newObject(PyGenericAlias_Type);
  PyObject_GC_Init(ga, 56);
  Py_INCREF(origin);
  let tuple: PyObject;
  if (PyTuple_Check(args)) {
    Py_INCREF(args);
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

/** ga_hash: the origin's hash XOR the args tuple's (both halves, see Hash.hi). */
export function ga_hash(ga: PyObject): number {
  const [origin, args] = ga.ob_item as PyObject[];
  const lo0 = PyObject_Hash(origin);
  const hi0 = Hash.hi;
  const lo1 = PyObject_Hash(args);
  Hash.hi = hi0 ^ Hash.hi;
  return lo0 ^ lo1;
}

/** ga_richcompare: == and != only, between two aliases: same origin, equal args. */
export function ga_richcompare(a: PyObject, b: PyObject, op: number): PyObject {
  if (!PyType_IsSubtype(b.ob_type, PyGenericAlias_Type) || (op !== Py_EQ && op !== Py_NE)) {
    return Py_RETURN_NOTIMPLEMENTED();
  }
  const [ao, aa] = a.ob_item as PyObject[];
  const [bo, ba] = b.ob_item as PyObject[];
  if (op === Py_NE) {
    const eq = ga_richcompare(a, b, Py_EQ);
    const truth = PyObject_IsTrue(eq);
    Py_DECREF(eq);
    return PyBool_FromLong(!truth);
  }
  if (!PyObject_RichCompareBool(ao, bo, Py_EQ)) return PyBool_FromLong(false);
  return PyObject_RichCompare(aa, ba, Py_EQ);
}

/** ga_call: calls the origin, then tries to set __orig_class__ on what it made. */
export function ga_call(ga: PyObject, args: PyObject, kwds: PyObject | null): PyObject {
  const origin = (ga.ob_item as PyObject[])[0];
  const obj = PyObject_Call(origin, args, kwds);
  try {
    PyObject_SetAttr(obj, _Py_ID("__orig_class__"), ga);
  } catch (e) {
    const ignored = e instanceof PyObject &&
      (PyErr_ExceptionMatches(e, PyExc_AttributeError) ||
        PyErr_ExceptionMatches(e, PyExc_TypeError));
    if (!ignored) {
      Py_DECREF(obj);
      throw e;
    }
    Py_DECREF(e);
  }
  return obj;
}

/** The names a generic alias answers itself; every other attribute is the origin's. */
const ownAttributes = new Set([
  "__class__",
  "__origin__",
  "__args__",
  "__unpacked__",
  "__parameters__",
  "__typing_unpacked_tuple_args__",
  "__mro_entries__",
  "__reduce_ex__",
  "__reduce__",
  "__copy__",
  "__deepcopy__",
]);

export function ga_getattro(ga: PyObject, name: PyObject): PyObject {
  if (PyUnicode_Check(name) && !ownAttributes.has(str(name))) {
    return PyObject_GetAttr((ga.ob_item as PyObject[])[0], name);
  }
  return PyObject_GenericGetAttr(ga, name);
}

export function ga_mro_entries(ga: PyObject, _bases: PyObject): PyObject {
  return PyTuple_FromArray([(ga.ob_item as PyObject[])[0]]);
}

export function ga_instancecheck(_ga: PyObject, _o: PyObject): PyObject {
  throw PyErr_Format(PyExc_TypeError, "isinstance() argument 2 cannot be a parameterized generic");
}

export function ga_subclasscheck(_ga: PyObject, _o: PyObject): PyObject {
  throw PyErr_Format(PyExc_TypeError, "issubclass() argument 2 cannot be a parameterized generic");
}

export function ga_reduce(ga: PyObject): PyObject {
  const [origin, args] = ga.ob_item as PyObject[];
  Py_INCREF(ga.ob_type);
  return PyTuple_FromArraySteal([ga.ob_type, PyTuple_FromArray([origin, args])]);
}
