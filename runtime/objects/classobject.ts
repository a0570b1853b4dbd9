// method: a function bound to an object (Objects/classobject.c). ob_item = [func, self].

import {
  newObject,
  Py_DECREF,
  Py_EQ,
  Py_False,
  Py_INCREF,
  Py_NE,
  Py_NotImplemented,
  Py_True,
  Py_XDECREF,
  PyMethod_Type,
  PyObject,
  PyObject_GC_Del,
  PyObject_GC_Init,
  PyObject_GC_Track,
  PyObject_GC_UnTrack,
  type visitproc,
} from "./object.ts";
import { PyObject_ClearWeakRefs } from "../memory/weakrefs.ts";
import { PyObject_Vectorcall } from "./call.ts";
import { PyUnicode_FromString } from "./unicodeobject.ts";
import {
  _PyObject_LookupAttr,
  object_hash,
  PyObject_GenericGetAttr,
  PyObject_GetAttr,
  PyObject_Hash,
  PyObject_RichCompareBool,
  reprText,
  str,
} from "./objectops.ts";
import { _Py_ID } from "./unicodeobject.ts";
import { _PyType_Lookup } from "./typeobject.ts";
import { Hash } from "./pyhash.ts";
import { PyErr_Format } from "./errors.ts";
import { PyExc_TypeError } from "./exceptions.ts";

export interface PyMethodObject extends PyObject {
  ob_item: [PyObject, PyObject];
}

export function PyMethod_Check(o: PyObject): boolean {
  return o.ob_type === PyMethod_Type;
}

export function PyMethod_GET_FUNCTION(m: PyObject): PyObject {
  return (m as PyMethodObject).ob_item[0];
}

export function PyMethod_GET_SELF(m: PyObject): PyObject {
  return (m as PyMethodObject).ob_item[1];
}

/** PyMethod_New(func, self): both borrowed, both increfed. */
export function PyMethod_New(func: PyObject, self: PyObject): PyObject {
  const im = newObject(PyMethod_Type);
  PyObject_GC_Init(im, 48);
  Py_INCREF(func);
  Py_INCREF(self);
  im.ob_item = [func, self];
  PyObject_GC_Track(im);
  return im;
}

export function method_dealloc(im: PyObject): void {
  PyObject_GC_UnTrack(im);
  PyObject_ClearWeakRefs(im);
  const [func, self] = (im as PyMethodObject).ob_item;
  Py_DECREF(func);
  Py_XDECREF(self);
  PyObject_GC_Del(im);
}

export function method_traverse(im: PyObject, visit: visitproc, arg: unknown): number {
  const [func, self] = (im as PyMethodObject).ob_item;
  const r = visit(func, arg);
  if (r) return r;
  return visit(self, arg);
}

/** method_vectorcall: self is put before the arguments. */
export function method_vectorcall(
  method: PyObject,
  args: (PyObject | null)[],
  offset: number,
  nargs: number,
  kwnames: PyObject | null,
): PyObject {
  const [func, self] = (method as PyMethodObject).ob_item;
  if (offset > 0) {
    // PY_VECTORCALL_ARGUMENTS_OFFSET: borrow the slot before the arguments.
    const tmp = args[offset - 1];
    args[offset - 1] = self;
    try {
      return PyObject_Vectorcall(func, args, offset - 1, nargs + 1, kwnames);
    } finally {
      args[offset - 1] = tmp;
    }
  }
  const nkw = kwnames === null ? 0 : kwnames.ob_item!.length;
  const newargs: PyObject[] = new Array(nargs + nkw + 1);
  newargs[0] = self;
  for (let i = 0; i < nargs + nkw; i++) newargs[i + 1] = args[offset + i]!;
  return PyObject_Vectorcall(func, newargs, 0, nargs + 1, kwnames);
}

export function method_repr(im: PyObject): PyObject {
  const [func, self] = (im as PyMethodObject).ob_item;
  const q = _PyObject_LookupAttr(func, _Py_ID("__qualname__"));
  const n = q ?? _PyObject_LookupAttr(func, _Py_ID("__name__"));
  const name = n !== null && n.ob_type.tp_name === "str" ? str(n) : "?";
  if (n !== null) Py_DECREF(n);
  return PyUnicode_FromString(`<bound method ${name} of ${reprText(self)}>`);
}

export function method_richcompare(a: PyObject, b: PyObject, op: number): PyObject {
  if (
    (op !== Py_EQ && op !== Py_NE) || a.ob_type !== PyMethod_Type || b.ob_type !== PyMethod_Type
  ) {
    Py_INCREF(Py_NotImplemented);
    return Py_NotImplemented;
  }
  const [fa, sa] = (a as PyMethodObject).ob_item;
  const [fb, sb] = (b as PyMethodObject).ob_item;
  let eq = PyObject_RichCompareBool(fa, fb, Py_EQ);
  if (eq) eq = sa === sb;
  const r = (op === Py_EQ ? eq : !eq) ? Py_True : Py_False;
  Py_INCREF(r);
  return r;
}

export function method_hash(im: PyObject): number {
  const [func, self] = (im as PyMethodObject).ob_item;
  const x = object_hash(self);
  const xhi = Hash.hi;
  const y = PyObject_Hash(func);
  const yhi = Hash.hi;
  let lo = x ^ y;
  const hi = xhi ^ yhi;
  if (lo === -1 && hi === -1) lo = -2;
  Hash.hi = hi;
  return lo;
}

/** method_getattro: the method type's attributes, else the function's. */
export function method_getattro(obj: PyObject, name: PyObject): PyObject {
  const tp = obj.ob_type;
  const descr = _PyType_Lookup(tp, name);
  if (descr !== null) {
    const f = descr.ob_type.tp_descr_get;
    if (f !== null) return f(descr, obj, tp);
    Py_INCREF(descr);
    return descr;
  }
  return PyObject_GetAttr(PyMethod_GET_FUNCTION(obj), name);
}

export function method_descr_get(
  meth: PyObject,
  _obj: PyObject | null,
  _cls: PyObject | null,
): PyObject {
  Py_INCREF(meth);
  return meth;
}

export const method_members = [
  {
    name: "__func__",
    get: (o: PyObject) => {
      const f = PyMethod_GET_FUNCTION(o);
      Py_INCREF(f);
      return f;
    },
    set: null,
  },
  {
    name: "__self__",
    get: (o: PyObject) => {
      const s = PyMethod_GET_SELF(o);
      Py_INCREF(s);
      return s;
    },
    set: null,
  },
];

/** method.__new__(function, instance) */
export function method_new(
  _type: import("./object.ts").PyTypeObject,
  args: PyObject,
  _kw: PyObject | null,
) {
  const items = args.ob_item as PyObject[];
  if (items.length !== 2) {
    throw PyErr_Format(PyExc_TypeError, `method expected 2 arguments, got ${items.length}`);
  }
  if (items[0].ob_type.tp_call === null && items[0].ob_type.tp_instance_vectorcall === null) {
    throw PyErr_Format(PyExc_TypeError, "first argument must be callable");
  }
  return PyMethod_New(items[0], items[1]);
}

export { PyObject_GenericGetAttr };
