// object.__reduce_ex__, object.__reduce__ and object.__getstate__ (the pickling support of
// Objects/typeobject.c), which copy.copy and copy.deepcopy rely on: with protocol 2 and
// up an object reduces to (copyreg.__newobj__, (cls, *newargs), state, listitems,
// dictitems), its state being its __dict__ (None when empty) and, for __slots__, a dict
// of the slot values beside it; protocols 0 and 1 go to copyreg._reduce_ex.

import {
  Py_DECREF,
  Py_INCREF,
  Py_None,
  PyCFunction_Type,
  PyObject,
  type PyTypeObject,
} from "./object.ts";
import { PyErr_Format } from "./errors.ts";
import { PyExc_TypeError } from "./exceptions.ts";
import { PyDict_Check, PyDict_New, PyDict_SetItem } from "./dictobject.ts";
import { PyList_Check } from "./listobject.ts";
import { PyTuple_Check, PyTuple_FromArray, PyTuple_FromArraySteal } from "./tupleobject.ts";
import { _Py_ID } from "./unicodeobject.ts";
import {
  _PyObject_LookupAttr,
  PyObject_GenericGetDict,
  PyObject_GetAttr,
  PyObject_GetAttrString,
} from "./objectops.ts";
import { PyObject_CallNoArgs, PyObject_CallOneArg } from "./call.ts";
import { PyObject_CallMethodNoArgs, PyObject_GetIter } from "./abstract.ts";
import { _PyType_Lookup } from "./typeobject.ts";
import { type PyCFunctionObject } from "./methodobject.ts";
import { PyLong_FromNumber } from "./longobject.ts";
import { PyBaseObject_Type } from "./object.ts";
import { dictGetStr } from "./dictobject.ts";
import { PyExc_ValueError } from "./exceptions.ts";
import { PyObject_CallArgs } from "./call.ts";

function none(): PyObject {
  Py_INCREF(Py_None);
  return Py_None;
}

/** The copyreg module, imported on first use (set by the VM, which owns imports). */
export let importCopyreg: () => PyObject = () => {
  throw PyErr_Format(PyExc_TypeError, "copyreg is not available");
};
export function setCopyregImporter(f: () => PyObject): void {
  importCopyreg = f;
}

function copyregAttr(name: string): PyObject {
  const copyreg = importCopyreg();
  try {
    return PyObject_GetAttrString(copyreg, name);
  } finally {
    Py_DECREF(copyreg);
  }
}

/** _PyType_GetSlotNames: cls.__dict__['__slotnames__'], else copyreg._slotnames(cls). */
function slotNames(cls: PyTypeObject): PyObject[] {
  let names: PyObject;
  const own = cls.tp_dict === null ? null : dictGet(cls.tp_dict, "__slotnames__");
  if (own !== null && own !== Py_None) {
    Py_INCREF(own);
    names = own;
  } else {
    const f = copyregAttr("_slotnames");
    try {
      names = PyObject_CallOneArg(f, cls);
    } finally {
      Py_DECREF(f);
    }
  }
  try {
    if (names === Py_None) return [];
    if (!PyList_Check(names)) {
      throw PyErr_Format(
        PyExc_TypeError,
        "copyreg._slotnames didn't return a list or None",
      );
    }
    return (names.ob_item as PyObject[]).slice();
  } finally {
    Py_DECREF(names);
  }
}

function dictGet(d: PyObject, name: string): PyObject | null {
  return dictGetStr(d, _Py_ID(name));
}

/** The instance has no attributes in a __dict__ (or no __dict__ at all). */
function dictIsEmpty(obj: PyObject): boolean {
  if (obj.ob_type.tp_dictoffset === 0) return true;
  const d = _PyObject_LookupAttr(obj, _Py_ID("__dict__"));
  if (d === null) return true;
  try {
    return !PyDict_Check(d) || d.ob_size === 0;
  } finally {
    Py_DECREF(d);
  }
}

/** object_getstate_default: __dict__ (or None) and the slots, as (dict, slots) if any. */
export function objectGetStateDefault(obj: PyObject, required: boolean): PyObject {
  const t = obj.ob_type;
  if (required && t.tp_itemsize) {
    throw PyErr_Format(PyExc_TypeError, `cannot pickle ${t.tp_name} objects`);
  }
  let state = dictIsEmpty(obj) ? none() : PyObject_GenericGetDict(obj);
  try {
    const names = slotNames(t);
    if (required && isOpaque(t)) {
      throw PyErr_Format(PyExc_TypeError, `cannot pickle '${t.tp_name}' object`);
    }
    if (names.length > 0) {
      const slots = PyDict_New();
      try {
        for (const name of names) {
          const value = _PyObject_LookupAttr(obj, name);
          if (value === null) continue;
          try {
            PyDict_SetItem(slots, name, value);
          } finally {
            Py_DECREF(value);
          }
        }
        if (slots.ob_size > 0) {
          const pair = PyTuple_FromArray([state, slots]);
          Py_DECREF(state);
          state = pair;
        }
      } finally {
        Py_DECREF(slots);
      }
    }
    return state;
  } catch (e) {
    Py_DECREF(state);
    throw e;
  }
}

/**
 * Whether instances carry C-level state beyond object's, __dict__ and __slots__ (CPython
 * compares tp_basicsize): objects of built-in types other than object itself, and of
 * classes derived from them, unless the type has its own reduction.
 */
function isOpaque(t: PyTypeObject): boolean {
  let base: PyTypeObject | null = t;
  while (base !== null && base.ht !== null) base = base.tp_base;
  return base !== null && base !== PyBaseObject_Type;
}

/** object_getstate: __getstate__(), or the default with `required` when not overridden. */
function objectGetState(obj: PyObject, required: boolean): PyObject {
  const getstate = PyObject_GetAttr(obj, _Py_ID("__getstate__"));
  try {
    if (
      getstate.ob_type === PyCFunction_Type &&
      (getstate as PyCFunctionObject).ob_data.self === obj &&
      (getstate as PyCFunctionObject).ob_data.ml.ml_meth === object___getstate__
    ) {
      return objectGetStateDefault(obj, required);
    }
    return PyObject_CallNoArgs(getstate);
  } finally {
    Py_DECREF(getstate);
  }
}

export function object___getstate__(self: PyObject): PyObject {
  return objectGetStateDefault(self, false);
}

/** _PyObject_GetNewArguments: from __getnewargs_ex__ or __getnewargs__, or none. */
function newArguments(obj: PyObject): [PyObject | null, PyObject | null] {
  const ex = lookupSpecial(obj, "__getnewargs_ex__");
  if (ex !== null) {
    let r: PyObject;
    try {
      r = PyObject_CallNoArgs(ex);
    } finally {
      Py_DECREF(ex);
    }
    try {
      if (!PyTuple_Check(r)) {
        throw PyErr_Format(
          PyExc_TypeError,
          `__getnewargs_ex__ should return a tuple, not '${r.ob_type.tp_name}'`,
        );
      }
      const items = r.ob_item as PyObject[];
      if (items.length !== 2) {
        throw PyErr_Format(
          PyExc_ValueError,
          `__getnewargs_ex__ should return a tuple of length 2, not ${items.length}`,
        );
      }
      const [args, kwargs] = items;
      if (!PyTuple_Check(args)) {
        throw PyErr_Format(
          PyExc_TypeError,
          `first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '${args.ob_type.tp_name}'`,
        );
      }
      if (!PyDict_Check(kwargs)) {
        throw PyErr_Format(
          PyExc_TypeError,
          `second item of the tuple returned by __getnewargs_ex__ must be a dict, not '${kwargs.ob_type.tp_name}'`,
        );
      }
      Py_INCREF(args);
      Py_INCREF(kwargs);
      return [args, kwargs];
    } finally {
      Py_DECREF(r);
    }
  }
  const plain = lookupSpecial(obj, "__getnewargs__");
  if (plain !== null) {
    let args: PyObject;
    try {
      args = PyObject_CallNoArgs(plain);
    } finally {
      Py_DECREF(plain);
    }
    if (!PyTuple_Check(args)) {
      const tn = args.ob_type.tp_name;
      Py_DECREF(args);
      throw PyErr_Format(PyExc_TypeError, `__getnewargs__ should return a tuple, not '${tn}'`);
    }
    return [args, null];
  }
  return [null, null];
}

/** _PyObject_LookupSpecial: a method looked up on the type and bound, or null. */
function lookupSpecial(obj: PyObject, name: string): PyObject | null {
  const res = _PyType_Lookup(obj.ob_type, _Py_ID(name));
  if (res === null) return null;
  const get = res.ob_type.tp_descr_get;
  if (get === null) {
    Py_INCREF(res);
    return res;
  }
  return get(res, obj, obj.ob_type);
}

/** reduce_newobj: (copyreg.__newobj__ or __newobj_ex__, args, state, listitems, dictitems). */
function reduceNewobj(obj: PyObject): PyObject {
  const t = obj.ob_type;
  if (t.tp_new === null) throw PyErr_Format(PyExc_TypeError, `cannot pickle '${t.tp_name}' object`);
  const [args, kwargs] = newArguments(obj);
  const parts: PyObject[] = [];
  try {
    const hasargs = args !== null;
    if (kwargs === null || kwargs.ob_size === 0) {
      parts.push(copyregAttr("__newobj__"));
      Py_INCREF(t);
      const rest = args === null ? [] : (args.ob_item as PyObject[]).map((a) => (Py_INCREF(a), a));
      parts.push(PyTuple_FromArraySteal([t, ...rest]));
    } else {
      parts.push(copyregAttr("__newobj_ex__"));
      parts.push(PyTuple_FromArray([t, args!, kwargs]));
    }
    parts.push(objectGetState(obj, !(hasargs || PyList_Check(obj) || PyDict_Check(obj))));
    parts.push(PyList_Check(obj) ? PyObject_GetIter(obj) : none());
    if (PyDict_Check(obj)) {
      const items = PyObject_CallMethodNoArgs(obj, "items");
      try {
        parts.push(PyObject_GetIter(items));
      } finally {
        Py_DECREF(items);
      }
    } else {
      parts.push(none());
    }
    return PyTuple_FromArraySteal(parts.splice(0));
  } catch (e) {
    for (const p of parts) Py_DECREF(p);
    throw e;
  } finally {
    if (args !== null) Py_DECREF(args);
    if (kwargs !== null) Py_DECREF(kwargs);
  }
}

/** _common_reduce */
function commonReduce(self: PyObject, proto: number): PyObject {
  if (proto >= 2) return reduceNewobj(self);
  const f = copyregAttr("_reduce_ex");
  const p = PyLong_FromNumber(proto);
  try {
    return PyObject_CallArgs(f, self, p);
  } finally {
    Py_DECREF(f);
    Py_DECREF(p);
  }
}

export function object___reduce__(self: PyObject): PyObject {
  return commonReduce(self, 0);
}

/** object.__reduce_ex__(protocol): a class's own __reduce__ wins over the default. */
export function object___reduce_ex__(self: PyObject, protocolO: PyObject): PyObject {
  const protocol = Number(protocolO.ob_val);
  const reduce = _PyObject_LookupAttr(self, _Py_ID("__reduce__"));
  if (reduce !== null) {
    try {
      const own = _PyType_Lookup(self.ob_type, _Py_ID("__reduce__"));
      const objectsOwn = _PyType_Lookup(PyBaseObject_Type, _Py_ID("__reduce__"));
      if (own !== objectsOwn) return PyObject_CallNoArgs(reduce);
    } finally {
      Py_DECREF(reduce);
    }
  }
  return commonReduce(self, protocol);
}
