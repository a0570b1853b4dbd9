// dir() (Objects/object.c PyObject_Dir, typeobject.c object___dir__ and type___dir__):
// the sorted attribute names of an object.

import { Py_DECREF, Py_TPFLAGS_TYPE_SUBCLASS, PyObject, type PyTypeObject } from "./object.ts";
import { PyErr_Format } from "./errors.ts";
import { PyExc_TypeError } from "./exceptions.ts";
import { _PyObject_LookupAttr, str } from "./objectops.ts";
import { PyObject_CallNoArgs, PyObject_CallOneArg } from "./call.ts";
import { _Py_ID } from "./unicodeobject.ts";
import {
  dictForEach,
  dictKeyList,
  PyDict_Check,
  PyDict_New,
  PyDict_SetItem,
} from "./dictobject.ts";
import { PySequence_List } from "./abstract.ts";
import { list_sort_default } from "./listsort.ts";
import { lookupMaybeMethod } from "./typeobject.ts";
import { Py_None } from "./object.ts";

/** PyObject_Dir: sorted(type(obj).__dir__(obj)). */
export function PyObject_Dir(obj: PyObject): PyObject {
  const [dirfunc, unbound] = lookupMaybeMethod(obj, _Py_ID("__dir__"));
  if (dirfunc === null) {
    throw PyErr_Format(PyExc_TypeError, "object does not provide __dir__");
  }
  let result: PyObject;
  try {
    result = unbound ? PyObject_CallOneArg(dirfunc, obj) : PyObject_CallNoArgs(dirfunc);
  } finally {
    Py_DECREF(dirfunc);
  }
  const sorted = PySequence_List(result);
  Py_DECREF(result);
  try {
    list_sort_default(sorted);
  } catch (e) {
    Py_DECREF(sorted);
    throw e;
  }
  return sorted;
}

/** Merges the names in type's MRO dicts into dict (merge_class_dict). */
function mergeClassDict(dict: PyObject, aclass: PyObject): void {
  const classdict = _PyObject_LookupAttr(aclass, _Py_ID("__dict__"));
  if (classdict !== null) {
    try {
      if (PyDict_Check(classdict)) dictForEach(classdict, (k, v) => PyDict_SetItem(dict, k, v));
      else {
        // a mappingproxy: iterate its mapping
        const m = (classdict.ob_item as PyObject[] | null)?.[0];
        if (m !== undefined && PyDict_Check(m)) {
          dictForEach(m, (k, v) => PyDict_SetItem(dict, k, v));
        }
      }
    } finally {
      Py_DECREF(classdict);
    }
  }
  const bases = _PyObject_LookupAttr(aclass, _Py_ID("__bases__"));
  if (bases === null) return;
  try {
    for (const b of (bases.ob_item ?? []) as PyObject[]) mergeClassDict(dict, b);
  } finally {
    Py_DECREF(bases);
  }
}

/** object.__dir__: instance dict keys plus the class attributes. */
export function object___dir__(self: PyObject): PyObject {
  const dict = PyDict_New();
  try {
    const own = _PyObject_LookupAttr(self, _Py_ID("__dict__"));
    if (own !== null) {
      if (PyDict_Check(own)) dictForEach(own, (k, v) => PyDict_SetItem(dict, k, v));
      Py_DECREF(own);
    }
    const itsclass = _PyObject_LookupAttr(self, _Py_ID("__class__"));
    if (itsclass !== null && itsclass !== Py_None) {
      mergeClassDict(dict, itsclass);
      Py_DECREF(itsclass);
    }
    return listOfKeys(dict);
  } finally {
    Py_DECREF(dict);
  }
}

/** type.__dir__: the class and its bases' attributes. */
export function type___dir__(self: PyObject): PyObject {
  const dict = PyDict_New();
  try {
    mergeClassDict(dict, self);
    return listOfKeys(dict);
  } finally {
    Py_DECREF(dict);
  }
}

import { PyList_FromArray } from "./listobject.ts";
function listOfKeys(dict: PyObject): PyObject {
  return PyList_FromArray(dictKeyList(dict));
}

export function isType(o: PyObject): o is PyTypeObject {
  return (o.ob_type.tp_flags & Py_TPFLAGS_TYPE_SUBCLASS) !== 0;
}

export { str };
