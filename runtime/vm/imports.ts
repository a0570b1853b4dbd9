// import (Python/import.c, ceval.c import_name/import_from/import_all_from): built-in
// modules only, found in modules/registry.ts and cached in sys.modules.

import { Py_DECREF, Py_INCREF, Py_None, PyObject } from "../objects/object.ts";
import { type Frame } from "./frame.ts";
import { PyErr_Format } from "../objects/errors.ts";
import {
  excData,
  PyExc_ImportError,
  PyExc_ModuleNotFoundError,
  PyExc_TypeError,
  PyExc_ValueError,
} from "../objects/exceptions.ts";
import {
  dictForEach,
  dictGetStr,
  PyDict_Check,
  PyDict_GetItemWithError,
  PyDict_SetItem,
} from "../objects/dictobject.ts";
import {
  _Py_ID,
  PyUnicode_Check,
  PyUnicode_FromString,
  PyUnicode_InternFromString,
} from "../objects/unicodeobject.ts";
import {
  _PyObject_LookupAttr,
  PyObject_GetAttr,
  PyObject_IsTrue,
  PyObject_SetAttr,
  str,
} from "../objects/objectops.ts";
import { findModule } from "../modules/registry.ts";
import {
  PyIter_Next,
  PyObject_GetItem,
  PyObject_GetIter,
  PyObject_SetItem,
} from "../objects/abstract.ts";

/** sys.modules, set when sys is created. */
export const importState: { modules: PyObject | null } = { modules: null };

/** The module for an absolute name: from sys.modules, or created from the registry. */
export function importModule(name: PyObject): PyObject {
  const modules = importState.modules!;
  const existing = PyDict_GetItemWithError(modules, name);
  if (existing !== null && existing !== Py_None) {
    Py_INCREF(existing);
    return existing;
  }
  const text = str(name);
  const dot = text.lastIndexOf(".");
  if (dot < 0) {
    const init = findModule(text);
    if (init === undefined) throw moduleNotFound(name, `No module named '${text}'`);
    const mod = init();
    PyDict_SetItem(modules, name, mod);
    return mod;
  }
  // A submodule: the parent package first (which may put the submodule into sys.modules
  // itself, as collections does with collections.abc), then the submodule, bound on the
  // parent as an attribute.
  const parentName = PyUnicode_InternFromString(text.slice(0, dot));
  let parent: PyObject;
  try {
    parent = importModule(parentName);
  } finally {
    Py_DECREF(parentName);
  }
  try {
    let mod = PyDict_GetItemWithError(modules, name);
    if (mod !== null && mod !== Py_None) {
      Py_INCREF(mod);
    } else {
      const init = findModule(text);
      if (init === undefined) {
        const path = _PyObject_LookupAttr(parent, _Py_ID("__path__"));
        if (path !== null) Py_DECREF(path);
        const parentText = text.slice(0, dot);
        throw moduleNotFound(
          name,
          path === null
            ? `No module named '${text}'; '${parentText}' is not a package`
            : `No module named '${text}'`,
        );
      }
      mod = init();
      PyDict_SetItem(modules, name, mod);
      const child = PyUnicode_InternFromString(text.slice(dot + 1));
      try {
        PyObject_SetAttr(parent, child, mod);
      } finally {
        Py_DECREF(child);
      }
    }
    return mod;
  } finally {
    Py_DECREF(parent);
  }
}

function moduleNotFound(name: PyObject, msg: string): PyObject {
  const e = PyErr_Format(PyExc_ModuleNotFoundError, msg);
  Py_INCREF(name);
  excData(e).name = name;
  return e;
}

/** import_name: __import__(name, globals, locals, fromlist, level). */
export function importName(
  frame: Frame,
  name: PyObject,
  fromlist: PyObject,
  level: PyObject,
): PyObject {
  const lvl = level.ob_val as number;
  if (lvl < 0) throw PyErr_Format(PyExc_ValueError, "level must be >= 0");
  if (lvl > 0) {
    const pkg = dictGetStr(frame.f_globals, _Py_ID("__package__"));
    if (pkg === null || pkg === Py_None || !PyUnicode_Check(pkg) || str(pkg) === "") {
      throw PyErr_Format(
        PyExc_ImportError,
        "attempted relative import with no known parent package",
      );
    }
  }
  if (!PyUnicode_Check(name)) throw PyErr_Format(PyExc_TypeError, "module name must be a string");
  const text = str(name);
  if (text.length === 0) throw PyErr_Format(PyExc_ValueError, "Empty module name");
  const mod = importModule(name);
  const hasFrom = fromlist !== Py_None && PyObject_IsTrue(fromlist);
  if (!hasFrom) {
    const dot = text.indexOf(".");
    if (dot < 0) return mod;
    Py_DECREF(mod);
    const front = PyUnicode_InternFromString(text.slice(0, dot));
    try {
      return importModule(front);
    } finally {
      Py_DECREF(front);
    }
  }
  return mod;
}

/** import_from: `from module import name`. */
export function importFrom(v: PyObject, name: PyObject): PyObject {
  const x = _PyObject_LookupAttr(v, name);
  if (x !== null) return x;
  const pkgname = _PyObject_LookupAttr(v, _Py_ID("__name__"));
  const pkg = pkgname !== null && PyUnicode_Check(pkgname) ? str(pkgname) : "<unknown module name>";
  if (pkgname !== null) Py_DECREF(pkgname);
  const file = _PyObject_LookupAttr(v, _Py_ID("__file__"));
  let msg: string;
  if (file === null || !PyUnicode_Check(file)) {
    msg = `cannot import name '${str(name)}' from '${pkg}' (unknown location)`;
  } else {
    msg = `cannot import name '${str(name)}' from '${pkg}' (${str(file)})`;
  }
  if (file !== null) Py_DECREF(file);
  const e = PyErr_Format(PyExc_ImportError, msg);
  const nm = PyUnicode_FromString(pkg);
  excData(e).name = nm;
  return (() => {
    throw e;
  })();
}

/** import_all_from: `from module import *` into locals. */
export function importAllFrom(locals: PyObject, v: PyObject): void {
  let all = _PyObject_LookupAttr(v, _Py_ID("__all__"));
  let skipLeadingUnderscores = false;
  if (all === null) {
    const dict = _PyObject_LookupAttr(v, _Py_ID("__dict__"));
    if (dict === null) {
      throw PyErr_Format(PyExc_ImportError, "from-import-* object has no __dict__ and no __all__");
    }
    const keys: PyObject[] = [];
    if (PyDict_Check(dict)) dictForEach(dict, (k) => keys.push(k));
    Py_DECREF(dict);
    for (const k of keys) Py_INCREF(k);
    all = listOf(keys);
    skipLeadingUnderscores = true;
  }
  const it = PyObject_GetIter(all);
  try {
    for (;;) {
      const name = PyIter_Next(it);
      if (name === null) break;
      try {
        if (!PyUnicode_Check(name)) {
          throw PyErr_Format(
            PyExc_TypeError,
            `${
              skipLeadingUnderscores ? "Key in __dict__" : "Item in __all__"
            } of module must be str, not ${name.ob_type.tp_name}`,
          );
        }
        if (skipLeadingUnderscores && str(name).startsWith("_")) continue;
        const value = PyObject_GetAttr(v, name);
        try {
          if (PyDict_Check(locals)) PyDict_SetItem(locals, name, value);
          else PyObject_SetItem(locals, name, value);
        } finally {
          Py_DECREF(value);
        }
      } finally {
        Py_DECREF(name);
      }
    }
  } finally {
    Py_DECREF(it);
    Py_DECREF(all);
  }
}

import { PyList_FromArraySteal } from "../objects/listobject.ts";
function listOf(items: PyObject[]): PyObject {
  return PyList_FromArraySteal(items);
}

export { PyObject_GetItem };
