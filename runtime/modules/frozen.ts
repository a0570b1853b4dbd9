// Modules written in Python and shipped inside glasspy (CPython's "frozen" modules,
// Python/frozen.c): the source is compiled by glasspy's own compiler and run in a fresh
// module's namespace the first time it is imported. Their code objects carry the file
// name "<frozen NAME>", as CPython's frozen modules do, so tracebacks through them show no
// source line.

import { Py_DECREF, type PyObject } from "../objects/object.ts";
import { frozenModules, PyModule_GetDict, PyModule_New } from "../objects/moduleobject.ts";
import {
  dictDelIfPresent,
  dictGetStr,
  PyDict_SetItem,
  PyDict_SetItemString,
} from "../objects/dictobject.ts";
import { _Py_ID } from "../objects/unicodeobject.ts";
import { importState } from "../vm/imports.ts";
import { compileSource } from "../vm/pythonrun.ts";
import { PyEval_EvalCode } from "../vm/eval.ts";
import { registerModule } from "./registry.ts";

/**
 * Registers module `name` made by running `source`. `prepare` may fill the namespace first
 * (built-in helpers the Python code uses). The module is in sys.modules while it runs, as
 * an imported module is, and is removed again if running it fails.
 */
export function registerFrozenModule(
  name: string,
  source: string,
  prepare?: (dict: PyObject) => void,
  doc: string | null = null,
): void {
  registerModule(name, () => {
    const mod = PyModule_New(name, doc);
    frozenModules.add(mod);
    const d = PyModule_GetDict(mod);
    const modules = importState.modules!;
    const builtins = dictGetStr(modules, _Py_ID("builtins"));
    if (builtins !== null) PyDict_SetItemString(d, "__builtins__", builtins);
    prepare?.(d);
    const key = _Py_ID(name);
    PyDict_SetItem(modules, key, mod);
    try {
      const { code, pool } = compileSource(source, { filename: `<frozen ${name}>`, mode: "exec" });
      try {
        Py_DECREF(PyEval_EvalCode(code, d, d));
      } finally {
        Py_DECREF(code);
        pool.release();
      }
    } catch (e) {
      dictDelIfPresent(modules, key);
      Py_DECREF(mod);
      throw e;
    }
    return mod;
  });
}
