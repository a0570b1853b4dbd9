// Descriptors (Objects/descrobject.c): method descriptors of built-in types (list.append),
// class method descriptors (dict.fromkeys), slot wrappers (int.__add__) and their bound
// method-wrappers, member and getset descriptors, property, and mappingproxy.

import {
  METH_CLASS,
  METH_FASTCALL,
  METH_KEYWORDS,
  METH_NO_RECURSION_CHECK,
  METH_STATIC,
  newObject,
  Py_DECREF,
  Py_INCREF,
  Py_None,
  Py_XDECREF,
  PyClassMethodDescr_Type,
  PyDictProxy_Type,
  type PyGetSetDef,
  PyGetSetDescr_Type,
  PyList_Type,
  type PyMemberDef,
  PyMemberDescr_Type,
  type PyMethodDef,
  PyMethodDescr_Type,
  PyMethodWrapper_Type,
  PyObject,
  PyObject_GC_Del,
  PyObject_GC_Init,
  PyObject_GC_Track,
  PyObject_GC_UnTrack,
  PyProperty_Type,
  PyTuple_Type,
  PyType_IsSubtype,
  PyType_Type,
  type PyTypeObject,
  PyWrapperDescr_Type,
  type visitproc,
} from "./object.ts";
import { PyErr_Format } from "./errors.ts";
import { PyExc_AttributeError, PyExc_TypeError } from "./exceptions.ts";
import { PyUnicode_FromString, PyUnicode_InternFromString } from "./unicodeobject.ts";
import { callMethodDef, PyCFunction_New } from "./methodobject.ts";
import {
  Py_EnterRecursiveCall,
  Py_LeaveRecursiveCall,
  PyObject_GetAttr,
  PyObject_Repr,
  reprText,
  str,
  typeQualName,
} from "./objectops.ts";
import { strRepr } from "./strrepr.ts";
import { addressOf } from "../memory/obmalloc.ts";
import { trashcanBegin, trashcanEnd } from "../memory/trashcan.ts";
import { PyObject_Call, PyObject_CallArgs, PyObject_CallOneArg } from "./call.ts";
import { PyTuple_FromArray } from "./tupleobject.ts";
import { unpackTupleDict } from "./argparse.ts";
import { _Py_ID } from "./unicodeobject.ts";

/** The wrapper of a slot: calls `wrapped` with Python-level arguments (wrapperfunc). */
export type wrapperfunc = (
  self: PyObject,
  args: PyObject,
  wrapped: (...a: never[]) => unknown,
  kwds: PyObject | null,
) => PyObject;

/** A slot definition as the descriptors see it (the slotdef of typeobject.ts). */
export interface SlotDefRef {
  readonly name: string;
  readonly wrapper: wrapperfunc | null;
  readonly doc: string;
  /** wrappers taking keywords (__init__, __call__, __new__) */
  readonly flags: number;
}

export class DescrData {
  constructor(
    readonly d_type: PyTypeObject,
    readonly d_name: PyObject,
    readonly ml: PyMethodDef | null = null,
    readonly member: PyMemberDef | null = null,
    readonly getset: PyGetSetDef | null = null,
    readonly slot: SlotDefRef | null = null,
    readonly wrapped: ((...a: never[]) => unknown) | null = null,
  ) {}
  /** "type.name", for messages (computed once). */
  qualname: string | null = null;
}

export interface PyDescrObject extends PyObject {
  ob_data: DescrData;
}

export function descrData(o: PyObject): DescrData {
  return (o as PyDescrObject).ob_data;
}

export function PyDescr_TYPE(o: PyObject): PyTypeObject {
  return descrData(o).d_type;
}

function descrNew(t: PyTypeObject, data: DescrData, size: number): PyObject {
  const d = newObject(t) as PyDescrObject;
  PyObject_GC_Init(d, size);
  Py_INCREF(data.d_type);
  d.ob_data = data;
  PyObject_GC_Track(d);
  return d;
}

export function PyDescr_NewMethod(type: PyTypeObject, ml: PyMethodDef): PyObject {
  const t = ml.ml_flags & METH_CLASS ? PyClassMethodDescr_Type : PyMethodDescr_Type;
  return descrNew(t, new DescrData(type, PyUnicode_InternFromString(ml.ml_name), ml), 56);
}

export function PyDescr_NewMember(type: PyTypeObject, m: PyMemberDef): PyObject {
  return descrNew(
    PyMemberDescr_Type,
    new DescrData(type, PyUnicode_InternFromString(m.name), null, m),
    48,
  );
}

export function PyDescr_NewGetSet(type: PyTypeObject, g: PyGetSetDef): PyObject {
  return descrNew(
    PyGetSetDescr_Type,
    new DescrData(type, PyUnicode_InternFromString(g.name), null, null, g),
    48,
  );
}

export function PyDescr_NewWrapper(
  type: PyTypeObject,
  slot: SlotDefRef,
  wrapped: (...a: never[]) => unknown,
): PyObject {
  return descrNew(
    PyWrapperDescr_Type,
    new DescrData(type, PyUnicode_InternFromString(slot.name), null, null, null, slot, wrapped),
    56,
  );
}

export function descr_dealloc(o: PyObject): void {
  PyObject_GC_UnTrack(o);
  const d = descrData(o);
  Py_DECREF(d.d_type);
  Py_DECREF(d.d_name);
  PyObject_GC_Del(o);
}

export function descr_traverse(o: PyObject, visit: visitproc, arg: unknown): number {
  return visit(descrData(o).d_type, arg);
}

/** "list.append" */
export function descrQualname(o: PyObject): string {
  const d = descrData(o);
  if (d.qualname === null) d.qualname = `${typeQualName(d.d_type)}.${str(d.d_name)}`;
  return d.qualname;
}

/** descr_check: the object must be an instance of the descriptor's type. */
function descrCheck(o: PyObject, obj: PyObject): void {
  const d = descrData(o);
  if (!PyType_IsSubtype(obj.ob_type, d.d_type)) {
    throw PyErr_Format(
      PyExc_TypeError,
      `descriptor '${
        str(d.d_name)
      }' for '${d.d_type.tp_name}' objects doesn't apply to a '${obj.ob_type.tp_name}' object`,
    );
  }
}

// ---- method_descriptor ------------------------------------------------------------------------

export function method_get(o: PyObject, obj: PyObject | null, _type: PyObject | null): PyObject {
  if (obj === null) {
    Py_INCREF(o);
    return o;
  }
  descrCheck(o, obj);
  const d = descrData(o);
  return PyCFunction_New(d.ml!, obj, null, d.d_type);
}

export function method_vectorcall(
  func: PyObject,
  args: (PyObject | null)[],
  offset: number,
  nargs: number,
  kwnames: PyObject | null,
): PyObject {
  const d = descrData(func);
  if (nargs < 1) {
    throw PyErr_Format(
      PyExc_TypeError,
      `unbound method ${descrQualname(func)}() needs an argument`,
    );
  }
  const self = args[offset]!;
  descrCheck(func, self);
  const ml = d.ml!;
  // CPython 3.11 never specializes a method descriptor's call with keywords: it goes
  // through method_vectorcall_FASTCALL_KEYWORDS, which counts a level of recursion
  if (
    kwnames !== null && kwnames.ob_item!.length > 0 &&
    (ml.ml_flags & (METH_FASTCALL | METH_KEYWORDS | METH_NO_RECURSION_CHECK)) ===
      (METH_FASTCALL | METH_KEYWORDS)
  ) {
    Py_EnterRecursiveCall(" while calling a Python object");
    try {
      return callMethodDef(ml, descrQualname(func), self, args, offset + 1, nargs - 1, kwnames);
    } finally {
      Py_LeaveRecursiveCall();
    }
  }
  return callMethodDef(ml, descrQualname(func), self, args, offset + 1, nargs - 1, kwnames);
}

export function method_repr(o: PyObject): PyObject {
  const d = descrData(o);
  return PyUnicode_FromString(`<method '${str(d.d_name)}' of '${d.d_type.tp_name}' objects>`);
}

// ---- classmethod_descriptor --------------------------------------------------------------------

export function classmethod_get(
  o: PyObject,
  obj: PyObject | null,
  type: PyObject | null,
): PyObject {
  const d = descrData(o);
  let t = type;
  if (t === null) {
    if (obj !== null) t = obj.ob_type;
    else {
      throw PyErr_Format(
        PyExc_TypeError,
        `descriptor '${
          str(d.d_name)
        }' for type '${d.d_type.tp_name}' needs either an object or a type`,
      );
    }
  }
  if (!PyType_IsSubtype(t.ob_type, PyType_Type) || !PyType_IsSubtype(t as PyTypeObject, d.d_type)) {
    throw PyErr_Format(
      PyExc_TypeError,
      `descriptor '${str(d.d_name)}' requires a subtype of '${d.d_type.tp_name}' but received '${
        (t as PyTypeObject).tp_name
      }'`,
    );
  }
  return PyCFunction_New(d.ml!, t, null, d.d_type);
}

export function classmethoddescr_call(
  o: PyObject,
  args: PyObject,
  kwds: PyObject | null,
): PyObject {
  const items = args.ob_item as PyObject[];
  if (items.length < 1) {
    throw PyErr_Format(
      PyExc_TypeError,
      `descriptor '${str(descrData(o).d_name)}' of '${
        descrData(o).d_type.tp_name
      }' object needs an argument`,
    );
  }
  const bound = classmethod_get(o, null, items[0]);
  try {
    const rest = PyTuple_FromArray(items.slice(1));
    try {
      return PyObject_Call(bound, rest, kwds);
    } finally {
      Py_DECREF(rest);
    }
  } finally {
    Py_DECREF(bound);
  }
}

// ---- member and getset descriptors -------------------------------------------------------------

export function member_get(o: PyObject, obj: PyObject | null, _type: PyObject | null): PyObject {
  if (obj === null) {
    Py_INCREF(o);
    return o;
  }
  descrCheck(o, obj);
  return descrData(o).member!.get(obj);
}

export function member_set(o: PyObject, obj: PyObject, value: PyObject | null): void {
  descrCheck(o, obj);
  const m = descrData(o).member!;
  if (!m.set) throw PyErr_Format(PyExc_AttributeError, "readonly attribute");
  m.set(obj, value);
}

export function member_repr(o: PyObject): PyObject {
  const d = descrData(o);
  return PyUnicode_FromString(`<member '${str(d.d_name)}' of '${d.d_type.tp_name}' objects>`);
}

export function getset_get(o: PyObject, obj: PyObject | null, _type: PyObject | null): PyObject {
  if (obj === null) {
    Py_INCREF(o);
    return o;
  }
  descrCheck(o, obj);
  const g = descrData(o).getset!;
  if (g.get === null) {
    throw PyErr_Format(
      PyExc_AttributeError,
      `attribute '${str(descrData(o).d_name)}' of '${
        descrData(o).d_type.tp_name
      }' objects is not readable`,
    );
  }
  return g.get(obj);
}

export function getset_set(o: PyObject, obj: PyObject, value: PyObject | null): void {
  descrCheck(o, obj);
  const d = descrData(o);
  const g = d.getset!;
  if (!g.set) {
    throw PyErr_Format(
      PyExc_AttributeError,
      `attribute '${str(d.d_name)}' of '${d.d_type.tp_name}' objects is not writable`,
    );
  }
  g.set(obj, value);
}

export function getset_repr(o: PyObject): PyObject {
  const d = descrData(o);
  return PyUnicode_FromString(`<attribute '${str(d.d_name)}' of '${d.d_type.tp_name}' objects>`);
}

// ---- wrapper_descriptor and method-wrapper -----------------------------------------------------

export function wrapperdescr_get(
  o: PyObject,
  obj: PyObject | null,
  _type: PyObject | null,
): PyObject {
  if (obj === null) {
    Py_INCREF(o);
    return o;
  }
  descrCheck(o, obj);
  return PyWrapper_New(o, obj);
}

/** wrapperdescr_raw_call: the slot's wrapper with self and an argument tuple. */
function wrapperCall(
  descr: PyObject,
  self: PyObject,
  args: PyObject,
  kwds: PyObject | null,
): PyObject {
  const d = descrData(descr);
  const slot = d.slot!;
  if (kwds !== null && kwds.ob_size > 0 && !(slot.flags & 1)) {
    throw PyErr_Format(
      PyExc_TypeError,
      `wrapper ${slot.name}() takes no keyword arguments`,
    );
  }
  return slot.wrapper!(self, args, d.wrapped!, kwds);
}

export function wrapperdescr_call(
  descr: PyObject,
  args: PyObject,
  kwds: PyObject | null,
): PyObject {
  const items = args.ob_item as PyObject[];
  const d = descrData(descr);
  if (items.length < 1) {
    throw PyErr_Format(
      PyExc_TypeError,
      `descriptor '${str(d.d_name)}' of '${d.d_type.tp_name}' object needs an argument`,
    );
  }
  const self = items[0];
  descrCheck(descr, self);
  const rest = PyTuple_FromArray(items.slice(1));
  try {
    return wrapperCall(descr, self, rest, kwds);
  } finally {
    Py_DECREF(rest);
  }
}

export function wrapperdescr_repr(o: PyObject): PyObject {
  const d = descrData(o);
  return PyUnicode_FromString(
    `<slot wrapper '${str(d.d_name)}' of '${d.d_type.tp_name}' objects>`,
  );
}

/** method-wrapper: a slot wrapper bound to an object (ob_item = [descr, self]). */
export function PyWrapper_New(descr: PyObject, self: PyObject): PyObject {
  const w = newObject(PyMethodWrapper_Type);
  PyObject_GC_Init(w, 32);
  Py_INCREF(descr);
  Py_INCREF(self);
  w.ob_item = [descr, self];
  PyObject_GC_Track(w);
  return w;
}

export function wrapper_dealloc(w: PyObject): void {
  PyObject_GC_UnTrack(w);
  // (in the trashcan, as descrobject.c's: a method-wrapper's __self__ can be another one)
  const tc = trashcanBegin(w, wrapper_dealloc);
  if (tc < 0) return;
  const [descr, self] = w.ob_item as PyObject[];
  Py_XDECREF(descr);
  Py_XDECREF(self);
  PyObject_GC_Del(w);
  trashcanEnd(tc);
}

export function wrapper_traverse(w: PyObject, visit: visitproc, arg: unknown): number {
  for (const o of w.ob_item as PyObject[]) {
    const r = visit(o, arg);
    if (r) return r;
  }
  return 0;
}

export function wrapper_call(w: PyObject, args: PyObject, kwds: PyObject | null): PyObject {
  const [descr, self] = w.ob_item as PyObject[];
  return wrapperCall(descr, self, args, kwds);
}

export function wrapper_repr(w: PyObject): PyObject {
  const [descr, self] = w.ob_item as PyObject[];
  const addr = "0x" + addressOf(self.ob_id).toString(16);
  return PyUnicode_FromString(
    `<method-wrapper '${
      str(descrData(descr).d_name)
    }' of ${self.ob_type.tp_name} object at ${addr}>`,
  );
}

/** The descriptor and self of a method-wrapper. */
export function wrapperParts(w: PyObject): [PyObject, PyObject] {
  return w.ob_item as [PyObject, PyObject];
}

export function descrName(o: PyObject): PyObject {
  return descrData(o).d_name;
}

export function isStaticMethodDef(ml: PyMethodDef): boolean {
  return (ml.ml_flags & METH_STATIC) !== 0;
}

// ---- property ----------------------------------------------------------------------------------

/** property's fields: fget, fset, fdel, doc, and getter_doc (doc taken from fget). */
export interface PropertyFields {
  fget: PyObject | null;
  fset: PyObject | null;
  fdel: PyObject | null;
  doc: PyObject | null;
  getterDoc: boolean;
  /** prop_name: the name __set_name__ gave (a str), named in error messages. */
  name: PyObject | null;
}

export function propertyFields(o: PyObject): PropertyFields {
  return o.ob_data as PropertyFields;
}

export function property_dealloc(o: PyObject): void {
  PyObject_GC_UnTrack(o);
  const p = propertyFields(o);
  const { fget, fset, fdel, doc, name } = p;
  p.fget =
    p.fset =
    p.fdel =
    p.doc =
    p.name =
      null;
  Py_XDECREF(fget);
  Py_XDECREF(fset);
  Py_XDECREF(fdel);
  Py_XDECREF(doc);
  Py_XDECREF(name);
  const dict = o.ob_dict;
  o.ob_dict = null;
  Py_XDECREF(dict);
  o.ob_type.tp_free!(o);
}

export function property_traverse(o: PyObject, visit: visitproc, arg: unknown): number {
  const p = propertyFields(o);
  for (const v of [p.fget, p.fset, p.fdel, p.doc, p.name, o.ob_dict]) {
    if (v !== null) {
      const r = visit(v, arg);
      if (r) return r;
    }
  }
  return 0;
}

/** The AttributeError text for a property without the accessor that was asked for. */
function missingAccessor(p: PropertyFields, obj: PyObject, what: string): string {
  const owner = strRepr(typeQualName(obj.ob_type));
  if (p.name !== null) return `property ${reprText(p.name)} of ${owner} object has no ${what}`;
  return `property of ${owner} object has no ${what}`;
}

export function property_descr_get(
  o: PyObject,
  obj: PyObject | null,
  _type: PyObject | null,
): PyObject {
  if (obj === null || obj === Py_None) {
    Py_INCREF(o);
    return o;
  }
  const p = propertyFields(o);
  if (p.fget === null) throw PyErr_Format(PyExc_AttributeError, missingAccessor(p, obj, "getter"));
  return PyObject_CallOneArg(p.fget, obj);
}

export function property_descr_set(o: PyObject, obj: PyObject, value: PyObject | null): void {
  const p = propertyFields(o);
  const func = value === null ? p.fdel : p.fset;
  if (func === null) {
    throw PyErr_Format(
      PyExc_AttributeError,
      missingAccessor(p, obj, value === null ? "deleter" : "setter"),
    );
  }
  const res = value === null ? PyObject_CallOneArg(func, obj) : PyObject_CallArgs(func, obj, value);
  Py_DECREF(res);
}

// ---- mappingproxy --------------------------------------------------------------------------------

/** A read-only view of a mapping (ob_item[0]). */
export function PyDictProxy_New(mapping: PyObject): PyObject {
  const p = newObject(PyDictProxy_Type);
  PyObject_GC_Init(p, 24);
  Py_INCREF(mapping);
  p.ob_item = [mapping];
  PyObject_GC_Track(p);
  return p;
}

/** mappingproxy(mapping): types.MappingProxyType's constructor. */
export function mappingproxy_new(_type: PyTypeObject, args: PyObject, kwds: PyObject | null) {
  const [mapping] = unpackTupleDict("mappingproxy", ["mapping"], args, kwds, 1, 1, 0);
  const t = mapping!.ob_type;
  const listOrTuple = PyType_IsSubtype(t, PyList_Type) || PyType_IsSubtype(t, PyTuple_Type);
  if (t.mp_subscript === null || listOrTuple) {
    throw PyErr_Format(
      PyExc_TypeError,
      `mappingproxy() argument must be a mapping, not ${t.tp_name}`,
    );
  }
  return PyDictProxy_New(mapping!);
}

export function mappingproxy_dealloc(p: PyObject): void {
  PyObject_GC_UnTrack(p);
  Py_DECREF((p.ob_item as PyObject[])[0]);
  PyObject_GC_Del(p);
}

export function mappingproxy_traverse(p: PyObject, visit: visitproc, arg: unknown): number {
  return visit((p.ob_item as PyObject[])[0], arg);
}

export function mappingproxyMapping(p: PyObject): PyObject {
  return (p.ob_item as PyObject[])[0];
}

export function mappingproxy_repr(p: PyObject): PyObject {
  const r = PyObject_Repr(mappingproxyMapping(p));
  const s = str(r);
  Py_DECREF(r);
  return PyUnicode_FromString(`mappingproxy(${s})`);
}

export { _Py_ID, PyObject_GetAttr, PyProperty_Type };
