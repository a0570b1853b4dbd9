// Structural pattern matching helpers (ceval.c match_class, match_keys).

import {
  Py_DECREF,
  Py_INCREF,
  Py_TPFLAGS_MATCH_SELF,
  PyBaseObject_Type,
  PyObject,
  type PyTypeObject,
} from "../objects/object.ts";
import { PyErr_Format } from "../objects/errors.ts";
import { PyExc_AttributeError, PyExc_TypeError, PyExc_ValueError } from "../objects/exceptions.ts";
import { PyType_Check } from "../objects/typeobject.ts";
import { PyObject_IsInstance } from "../objects/abstract.ts";
import {
  _PyObject_GetMethod,
  _PyObject_LookupAttr,
  methodOut,
  reprText,
  str,
} from "../objects/objectops.ts";
import { PyTuple_FromArray, PyTuple_FromArraySteal, tuple_empty } from "../objects/tupleobject.ts";
import { _Py_ID, PyUnicode_CheckExact } from "../objects/unicodeobject.ts";
import { make_new_set, PySet_Add, PySet_Contains } from "../objects/setobject.ts";
import { Py_None, PySet_Type } from "../objects/object.ts";
import { PyObject_CallNoArgs, PyObject_Vectorcall } from "../objects/call.ts";

function matchClassAttr(
  subject: PyObject,
  type: PyObject,
  name: PyObject,
  seen: PyObject,
): PyObject | null {
  if (PySet_Contains(seen, name)) {
    throw PyErr_Format(
      PyExc_TypeError,
      `${(type as PyTypeObject).tp_name}() got multiple sub-patterns for attribute ${
        reprText(name)
      }`,
    );
  }
  PySet_Add(seen, name);
  return _PyObject_LookupAttr(subject, name);
}

/** match_class: a tuple of the matched attributes, or null when the pattern fails. */
export function matchClass(
  subject: PyObject,
  type: PyObject,
  nargs: number,
  kwargs: PyObject,
): PyObject | null {
  if (!PyType_Check(type)) {
    throw PyErr_Format(PyExc_TypeError, "called match pattern must be a type");
  }
  if (!PyObject_IsInstance(subject, type)) return null;
  const seen = make_new_set(PySet_Type);
  const attrs: PyObject[] = [];
  try {
    if (nargs) {
      let matchSelf = false;
      let matchArgs = _PyObject_LookupAttr(type, _Py_ID("__match_args__"));
      if (matchArgs !== null) {
        if (matchArgs.ob_type.tp_name !== "tuple") {
          const t = matchArgs.ob_type.tp_name;
          Py_DECREF(matchArgs);
          throw PyErr_Format(
            PyExc_TypeError,
            `${(type as PyTypeObject).tp_name}.__match_args__ must be a tuple (got ${t})`,
          );
        }
      } else {
        Py_INCREF(tuple_empty);
        matchArgs = tuple_empty;
        matchSelf = ((type as PyTypeObject).tp_flags & Py_TPFLAGS_MATCH_SELF) !== 0;
      }
      try {
        const names = matchArgs.ob_item as PyObject[];
        const allowed = matchSelf ? 1 : names.length;
        if (allowed < nargs) {
          throw PyErr_Format(
            PyExc_TypeError,
            `${(type as PyTypeObject).tp_name}() accepts ${allowed} positional sub-pattern${
              allowed === 1 ? "" : "s"
            } (${nargs} given)`,
          );
        }
        if (matchSelf) {
          Py_INCREF(subject);
          attrs.push(subject);
        } else {
          for (let i = 0; i < nargs; i++) {
            const name = names[i];
            if (!PyUnicode_CheckExact(name)) {
              throw PyErr_Format(
                PyExc_TypeError,
                `__match_args__ elements must be strings (got ${name.ob_type.tp_name})`,
              );
            }
            const attr = matchClassAttr(subject, type, name, seen);
            if (attr === null) return fail();
            attrs.push(attr);
          }
        }
      } finally {
        Py_DECREF(matchArgs);
      }
    }
    for (const name of kwargs.ob_item as PyObject[]) {
      const attr = matchClassAttr(subject, type, name, seen);
      if (attr === null) return fail();
      attrs.push(attr);
    }
    return PyTuple_FromArraySteal(attrs.splice(0));
  } finally {
    for (const a of attrs) Py_DECREF(a);
    Py_DECREF(seen);
  }
  function fail(): null {
    return null;
  }
}

/** match_keys: a tuple of the values, or None when a key is missing. */
export function matchKeys(map: PyObject, keys: PyObject): PyObject {
  const ks = keys.ob_item as PyObject[];
  if (ks.length === 0) {
    Py_INCREF(tuple_empty);
    return tuple_empty;
  }
  const methFound = _PyObject_GetMethod(map, _Py_ID("get"));
  const get = methodOut.meth!;
  methodOut.meth = null;
  const seen = make_new_set(PySet_Type);
  const dummy = PyObject_CallNoArgs(PyBaseObject_Type);
  const values: PyObject[] = [];
  try {
    for (const key of ks) {
      if (PySet_Contains(seen, key)) {
        throw PyErr_Format(
          PyExc_ValueError,
          `mapping pattern checks duplicate key (${reprText(key)})`,
        );
      }
      PySet_Add(seen, key);
      const value = methFound
        ? PyObject_Vectorcall(get, [map, key, dummy], 0, 3, null)
        : PyObject_Vectorcall(get, [key, dummy], 0, 2, null);
      if (value === dummy) {
        Py_DECREF(value);
        Py_INCREF(Py_None);
        return Py_None;
      }
      values.push(value);
    }
    return PyTuple_FromArraySteal(values.splice(0));
  } finally {
    for (const v of values) Py_DECREF(v);
    Py_DECREF(get);
    Py_DECREF(seen);
    Py_DECREF(dummy);
  }
}

export { PyExc_AttributeError, PyTuple_FromArray, str };
