// The atexit module (Modules/atexitmodule.c): functions registered to run when the
// interpreter finalizes, last registered first. Py_FinalizeEx calls them before anything
// else is torn down (runAtexitCallbacks, from the interpreter's finalize); weakref.finalize
// registers itself here.

import {
  METH_KEYWORDS,
  METH_NOARGS,
  METH_O,
  METH_VARARGS,
  Py_DECREF,
  Py_EQ,
  Py_INCREF,
  Py_None,
  Py_XDECREF,
  type PyMethodDef,
  type PyObject,
} from "../objects/object.ts";
import { PyErr_Format } from "../objects/errors.ts";
import { PyExc_TypeError } from "../objects/exceptions.ts";
import { PyModule_GetDict, PyModule_NewBuiltin } from "../objects/moduleobject.ts";
import { PyCFunction_New } from "../objects/methodobject.ts";
import { PyDict_SetItemString } from "../objects/dictobject.ts";
import { PyUnicode_InternFromString } from "../objects/unicodeobject.ts";
import { PyTuple_FromArray } from "../objects/tupleobject.ts";
import { PyLong_FromNumber } from "../objects/longobject.ts";
import { PyObject_RichCompareBool } from "../objects/objectops.ts";
import { PyObject_Call } from "../objects/call.ts";
import { writeUnraisable } from "../objects/unraisable.ts";
import { registerModule } from "./registry.ts";
import { registerRoots } from "../memory/audit.ts";

interface AtexitCallback {
  func: PyObject;
  args: PyObject;
  kwargs: PyObject | null;
}

/** The interpreter's registered callbacks (null where one was unregistered). */
const callbacks: (AtexitCallback | null)[] = [];
registerRoots("atexit callbacks", (visit) => {
  for (const cb of callbacks) {
    if (cb === null) continue;
    visit(cb.func);
    visit(cb.args);
    if (cb.kwargs !== null) visit(cb.kwargs);
  }
});

function deleteCallback(i: number): void {
  const cb = callbacks[i];
  if (cb === null) return;
  callbacks[i] = null;
  Py_DECREF(cb.func);
  Py_DECREF(cb.args);
  Py_XDECREF(cb.kwargs);
}

function cleanup(): void {
  for (let i = 0; i < callbacks.length; i++) deleteCallback(i);
  callbacks.length = 0;
}

/** atexit_callfuncs (_PyAtExit_Call): last registered first; errors are reported. */
export function runAtexitCallbacks(): void {
  for (let i = callbacks.length - 1; i >= 0; i--) {
    const cb = callbacks[i];
    if (cb === null) continue;
    const func = cb.func;
    Py_INCREF(func);
    try {
      Py_DECREF(PyObject_Call(cb.func, cb.args, cb.kwargs));
    } catch (e) {
      writeUnraisable(e, func, "in atexit callback");
    }
    Py_DECREF(func);
  }
  cleanup();
}

function atexit_register(_m: PyObject, args: PyObject, kwargs: PyObject | null): PyObject {
  const items = args.ob_item as PyObject[];
  if (items.length === 0) {
    throw PyErr_Format(PyExc_TypeError, "register() takes at least 1 argument (0 given)");
  }
  const func = items[0];
  if (func.ob_type.tp_call === null && func.ob_type.tp_instance_vectorcall === null) {
    throw PyErr_Format(PyExc_TypeError, "the first argument must be callable");
  }
  Py_INCREF(func);
  if (kwargs !== null) Py_INCREF(kwargs);
  callbacks.push({ func, args: PyTuple_FromArray(items.slice(1)), kwargs });
  Py_INCREF(func);
  return func;
}

function atexit_unregister(_m: PyObject, func: PyObject): PyObject {
  for (let i = 0; i < callbacks.length; i++) {
    const cb = callbacks[i];
    if (cb === null) continue;
    if (PyObject_RichCompareBool(cb.func, func, Py_EQ)) deleteCallback(i);
  }
  Py_INCREF(Py_None);
  return Py_None;
}

function none(): PyObject {
  Py_INCREF(Py_None);
  return Py_None;
}

const methods: PyMethodDef[] = [
  { ml_name: "register", ml_meth: atexit_register, ml_flags: METH_VARARGS | METH_KEYWORDS },
  { ml_name: "_clear", ml_meth: () => (cleanup(), none()), ml_flags: METH_NOARGS },
  { ml_name: "unregister", ml_meth: atexit_unregister, ml_flags: METH_O },
  {
    ml_name: "_run_exitfuncs",
    ml_meth: () => (runAtexitCallbacks(), none()),
    ml_flags: METH_NOARGS,
  },
  {
    ml_name: "_ncallbacks",
    ml_meth: () => PyLong_FromNumber(callbacks.length),
    ml_flags: METH_NOARGS,
  },
];

registerModule("atexit", () => {
  const mod = PyModule_NewBuiltin(
    "atexit",
    "allow programmer to define multiple exit functions to be executed\nupon normal program termination.\n\nTwo public functions, register and unregister, are defined.\n",
  );
  const d = PyModule_GetDict(mod);
  const modName = PyUnicode_InternFromString("atexit");
  for (const ml of methods) {
    const f = PyCFunction_New(ml, mod, modName);
    PyDict_SetItemString(d, ml.ml_name, f);
    Py_DECREF(f);
  }
  Py_DECREF(modName);
  return mod;
});
