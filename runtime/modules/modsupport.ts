// Building a built-in module from TypeScript definitions (Python/modsupport.c,
// Objects/moduleobject.c's PyModule_Add*): a module object with its functions bound to it,
// its constants and its types, made once and handed out again on later imports (a built-in
// module's state lives as long as the runtime, as a single-phase-init C module's does).

import {
  Py_DECREF,
  Py_INCREF,
  type PyMethodDef,
  type PyObject,
  type PyTypeObject,
} from "../objects/object.ts";
import { registerRoots } from "../memory/audit.ts";
import {
  PyModule_GetDict,
  PyModule_GetName,
  PyModule_NewBuiltin,
} from "../objects/moduleobject.ts";
import { PyCFunction_New } from "../objects/methodobject.ts";
import { PyDict_SetItemString } from "../objects/dictobject.ts";
import { PyUnicode_FromString, PyUnicode_InternFromString } from "../objects/unicodeobject.ts";
import { PyLong_FromNumber } from "../objects/longobject.ts";
import { PyFloat_FromDouble } from "../objects/floatobject.ts";
import { registerModule } from "./registry.ts";

/** PyModule_AddFunctions: each PyMethodDef becomes a builtin bound to the module. */
export function PyModule_AddFunctions(mod: PyObject, defs: readonly PyMethodDef[]): void {
  const d = PyModule_GetDict(mod);
  const name = PyUnicode_InternFromString(PyModule_GetName(mod));
  for (const ml of defs) {
    const f = PyCFunction_New(ml, mod, name);
    PyDict_SetItemString(d, ml.ml_name, f);
    Py_DECREF(f);
  }
  Py_DECREF(name);
}

/** PyModule_AddObjectRef: the module gets its own reference to value. */
export function PyModule_AddObjectRef(mod: PyObject, name: string, value: PyObject): void {
  PyDict_SetItemString(PyModule_GetDict(mod), name, value);
}

/** PyModule_AddObject with a new reference that the module takes over. */
export function PyModule_AddObjectSteal(mod: PyObject, name: string, value: PyObject): void {
  try {
    PyDict_SetItemString(PyModule_GetDict(mod), name, value);
  } finally {
    Py_DECREF(value);
  }
}

export function PyModule_AddIntConstant(mod: PyObject, name: string, v: number): void {
  PyModule_AddObjectSteal(mod, name, PyLong_FromNumber(v));
}

export function PyModule_AddFloatConstant(mod: PyObject, name: string, v: number): void {
  PyModule_AddObjectSteal(mod, name, PyFloat_FromDouble(v));
}

export function PyModule_AddStringConstant(mod: PyObject, name: string, v: string): void {
  PyModule_AddObjectSteal(mod, name, PyUnicode_FromString(v));
}

/** PyModule_AddType: the type under its short name (after the last dot of tp_name). */
export function PyModule_AddType(mod: PyObject, type: PyTypeObject): void {
  const dot = type.tp_name.lastIndexOf(".");
  PyModule_AddObjectRef(mod, type.tp_name.slice(dot + 1), type);
}

export interface BuiltinModuleDef {
  readonly name: string;
  readonly doc: string | null;
  readonly methods: readonly PyMethodDef[];
  /** Adds the module's constants and types (runs once, at the first import). */
  readonly exec?: (mod: PyObject) => void;
}

/**
 * Registers a built-in module made from TypeScript definitions. The module object is made at
 * the first import and kept; `import` after `del sys.modules[name]` gets the same object.
 */
export function registerBuiltinModule(def: BuiltinModuleDef): void {
  let module: PyObject | null = null;
  registerModule(def.name, () => {
    if (module === null) {
      const mod = PyModule_NewBuiltin(def.name, def.doc);
      PyModule_AddFunctions(mod, def.methods);
      def.exec?.(mod);
      module = mod;
      // interp->modules_by_index keeps the module (the heap audit's root).
      registerRoots(`modules_by_index: ${def.name}`, (visit) => visit(mod));
    }
    Py_INCREF(module);
    return module;
  });
}
