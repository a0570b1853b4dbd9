// Modules written in Python that glasspy carries as source (Python/frozen.c's idea): where
// CPython implements a module in Python (collections, functools, random, copy, ...), ours
// is Python too, compiled by our compiler at the first import and run in the module's
// namespace, so that its classes and functions are ordinary Python objects, as users see
// them in CPython. Their frames show in tracebacks as File "<frozen NAME>", without source
// lines, as CPython's frozen modules do.

import { Py_DECREF, type PyObject } from "../objects/object.ts";
import { frozenModules, PyModule_GetDict, PyModule_New } from "../objects/moduleobject.ts";
import { dictDelIfPresent, PyDict_SetItemString } from "../objects/dictobject.ts";
import { PyUnicode_FromString } from "../objects/unicodeobject.ts";
import { compileSource } from "../vm/pythonrun.ts";
import { PyEval_EvalCode } from "../vm/eval.ts";
import { importState } from "../vm/imports.ts";
import { builtinsModule } from "./builtins.ts";
import { registerModule } from "./registry.ts";

/** Registers a module whose body is the Python source text `source`. */
export function registerFrozenModule(name: string, source: string): void {
  registerModule(name, () => execFrozen(name, source));
}

function execFrozen(name: string, source: string): PyObject {
  const mod = PyModule_New(name);
  frozenModules.add(mod);
  const d = PyModule_GetDict(mod);
  PyDict_SetItemString(d, "__builtins__", builtinsModule!);
  // As the import system does: the module is in sys.modules while its body runs.
  const modules = importState.modules!;
  const key = PyUnicode_FromString(name);
  try {
    PyDict_SetItemString(modules, name, mod);
    const { code } = compileSource(source, { filename: `<frozen ${name}>`, mode: "exec" });
    try {
      Py_DECREF(PyEval_EvalCode(code, d, d));
    } finally {
      Py_DECREF(code);
    }
  } catch (e) {
    dictDelIfPresent(modules, key);
    Py_DECREF(mod);
    throw e;
  } finally {
    Py_DECREF(key);
  }
  return mod;
}
