// module (Objects/moduleobject.c): a namespace dict with a name. ob_dict is md_dict.

import {
  Py_DECREF,
  Py_None,
  Py_XDECREF,
  PyModule_Type,
  PyObject,
  PyObject_GC_Del,
  PyObject_GC_UnTrack,
  PyType_IsSubtype,
  type PyTypeObject,
  type visitproc,
} from "./object.ts";
import { PyObject_ClearWeakRefs } from "../memory/weakrefs.ts";
import { PyErr_Format } from "./errors.ts";
import { PyExc_AttributeError, PyExc_TypeError } from "./exceptions.ts";
import { _Py_ID, PyUnicode_Check, PyUnicode_FromString } from "./unicodeobject.ts";
import { dictGetStr, PyDict_New, PyDict_SetItem } from "./dictobject.ts";
import { genericGetAttrWithDict, PyObject_GenericGetDict, reprText, str } from "./objectops.ts";
import { PyObject_CallOneArg } from "./call.ts";
import { PyType_GenericAlloc } from "./typeobject.ts";

/** Modules implemented by glasspy itself (their repr says "(built-in)"). */
const builtinModules = new WeakSet<PyObject>();

/** Modules whose Python source is built into glasspy (their repr says "(frozen)"). */
export const frozenModules = new WeakSet<PyObject>();

export function PyModule_Check(o: PyObject): boolean {
  return o.ob_type === PyModule_Type || PyType_IsSubtype(o.ob_type, PyModule_Type);
}

/** module_init_dict: __name__, __doc__, __package__, __loader__, __spec__. */
function initDict(dict: PyObject, name: PyObject, doc: PyObject | null): void {
  PyDict_SetItem(dict, _Py_ID("__name__"), name);
  PyDict_SetItem(dict, _Py_ID("__doc__"), doc ?? Py_None);
  PyDict_SetItem(dict, _Py_ID("__package__"), Py_None);
  PyDict_SetItem(dict, _Py_ID("__loader__"), Py_None);
  PyDict_SetItem(dict, _Py_ID("__spec__"), Py_None);
}

/** PyModule_New(name) */
export function PyModule_New(name: string, doc: string | null = null): PyObject {
  const m = PyType_GenericAlloc(PyModule_Type, 0);
  const nm = PyUnicode_FromString(name);
  const d = doc === null ? null : PyUnicode_FromString(doc);
  m.ob_dict = PyDict_New();
  initDict(m.ob_dict, nm, d);
  Py_DECREF(nm);
  Py_XDECREF(d);
  return m;
}

/** A module implemented by glasspy itself, in TypeScript: its repr says "(built-in)". */
export function PyModule_NewBuiltin(name: string, doc: string | null = null): PyObject {
  const m = PyModule_New(name, doc);
  builtinModules.add(m);
  return m;
}

export function PyModule_GetDict(m: PyObject): PyObject {
  return m.ob_dict!;
}

export function PyModule_GetName(m: PyObject): string {
  const n = m.ob_dict !== null ? dictGetStr(m.ob_dict, _Py_ID("__name__")) : null;
  return n !== null && PyUnicode_Check(n) ? str(n) : "?";
}

export function module_new(type: PyTypeObject, _a: PyObject, _k: PyObject | null): PyObject {
  const m = PyType_GenericAlloc(type, 0);
  m.ob_dict = PyDict_New();
  return m;
}

export function module_init(self: PyObject, args: PyObject, kwds: PyObject | null): void {
  const items = args.ob_item as PyObject[];
  let name: PyObject | null = items[0] ?? null;
  let doc: PyObject | null = items[1] ?? null;
  if (kwds !== null) {
    name ??= dictGetStr(kwds, _Py_ID("name"));
    doc ??= dictGetStr(kwds, _Py_ID("doc"));
  }
  if (name === null || !PyUnicode_Check(name)) {
    throw PyErr_Format(PyExc_TypeError, "module.__init__() argument 'name' must be str");
  }
  if (self.ob_dict === null) self.ob_dict = PyDict_New();
  initDict(self.ob_dict, name, doc);
}

export function module_dealloc(m: PyObject): void {
  PyObject_GC_UnTrack(m);
  PyObject_ClearWeakRefs(m);
  const d = m.ob_dict;
  m.ob_dict = null;
  Py_XDECREF(d);
  PyObject_GC_Del(m);
}

export function module_traverse(m: PyObject, visit: visitproc, arg: unknown): number {
  return m.ob_dict !== null ? visit(m.ob_dict, arg) : 0;
}

export function module_repr(m: PyObject): PyObject {
  const name = PyModule_GetName(m);
  const d = m.ob_dict!;
  const file = dictGetStr(d, _Py_ID("__file__"));
  if (file !== null && PyUnicode_Check(file)) {
    return PyUnicode_FromString(`<module '${name}' from '${str(file)}'>`);
  }
  if (builtinModules.has(m)) return PyUnicode_FromString(`<module '${name}' (built-in)>`);
  if (frozenModules.has(m)) return PyUnicode_FromString(`<module '${name}' (frozen)>`);
  return PyUnicode_FromString(`<module '${name}'>`);
}

/** module_getattro: the generic lookup, then the module's __getattr__, then the error. */
export function module_getattro(m: PyObject, name: PyObject): PyObject {
  const attr = genericGetAttrWithDict(m, name, null, true);
  if (attr !== null) return attr;
  const d = m.ob_dict;
  if (d !== null) {
    const getattr = dictGetStr(d, _Py_ID("__getattr__"));
    if (getattr !== null) return PyObject_CallOneArg(getattr, name);
    const modName = dictGetStr(d, _Py_ID("__name__"));
    if (modName !== null && PyUnicode_Check(modName)) {
      throw PyErr_Format(
        PyExc_AttributeError,
        `module '${str(modName)}' has no attribute '${str(name)}'`,
      );
    }
  }
  throw PyErr_Format(PyExc_AttributeError, `module has no attribute '${str(name)}'`);
}

export const module_getset = [
  { name: "__dict__", get: PyObject_GenericGetDict, set: null },
];

export { reprText };
