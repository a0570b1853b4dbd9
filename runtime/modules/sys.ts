// The sys module (Python/sysmodule.c): the interpreter's state as Python sees it —
// argv, the standard streams, reference counts and sizes, the recursion limit, the
// exception being handled, frames, hooks, and the constants describing this Python.

import {
  METH_FASTCALL,
  METH_KEYWORDS,
  METH_NOARGS,
  METH_O,
  METH_VARARGS,
  newObject,
  preheaderUnits,
  Py_DECREF,
  Py_False,
  Py_INCREF,
  Py_None,
  Py_True,
  type PyMethodDef,
  PyObject,
  PySimpleNamespace_Type,
  PyUnicode_Type,
} from "../objects/object.ts";
import { PyErr_Format, PyErr_SetNone } from "../objects/errors.ts";
import {
  BaseException_new_from_args,
  excData,
  PyExc_RecursionError,
  PyExc_SystemExit,
  PyExc_TypeError,
  PyExc_ValueError,
  PyException_GetTraceback,
} from "../objects/exceptions.ts";
import { PyModule_GetDict, PyModule_NewBuiltin } from "../objects/moduleobject.ts";
import { PyCFunction_New } from "../objects/methodobject.ts";
import { PyDict_New, PyDict_SetItem, PyDict_SetItemString } from "../objects/dictobject.ts";
import {
  _Py_ID,
  PyUnicode_Check,
  PyUnicode_FromString,
  PyUnicode_InternFromString,
  PyUnicode_InternInPlace,
} from "../objects/unicodeobject.ts";
import { PyTuple_FromArraySteal } from "../objects/tupleobject.ts";
import { PyList_FromArraySteal } from "../objects/listobject.ts";
import {
  intMaxStrDigits,
  longValue,
  PyLong_FromBigInt,
  PyLong_FromNumber,
} from "../objects/longobject.ts";
import { PyFloat_FromDouble } from "../objects/floatobject.ts";
import { PyObject_CallNoArgs } from "../objects/call.ts";
import { PyNumber_Index } from "../objects/abstract.ts";
import { PyObject_Repr, PyObject_SetAttr, str, updateStackCheck } from "../objects/objectops.ts";
import { _PyType_Lookup } from "../objects/typeobject.ts";
import { unpackKeywords } from "../objects/argparse.ts";
import { PyStructSequence_New, PyStructSequence_NewType } from "../objects/structseq.ts";
import { unraisableDefault } from "../objects/unraisable.ts";
import type { PyTypeObject } from "../objects/object.ts";
import { topmostException, tstate } from "../objects/pystate.ts";
import { PyFile_WriteString } from "../objects/fileobject.ts";
import { getFrameObject, vmstack } from "../vm/frame.ts";
import { formatException } from "../vm/traceback.ts";
import { hostState } from "../vm/hoststate.ts";
import { importState } from "../vm/imports.ts";
import { builtinModuleNames, registerModule } from "./registry.ts";
import { registerRoots } from "../memory/audit.ts";
import { newStandardStream } from "./textio.ts";
import { builtinsModule } from "./builtins.ts";
import { sysGetObject, sysState } from "./sysstate.ts";

type Args = (PyObject | null)[];

function none(): PyObject {
  Py_INCREF(Py_None);
  return Py_None;
}

function ref(o: PyObject): PyObject {
  Py_INCREF(o);
  return o;
}

function intOf(v: PyObject): number {
  const i = PyNumber_Index(v);
  const n = Number(longValue(i));
  Py_DECREF(i);
  return n;
}

// ---- reference counts, sizes, interning ---------------------------------------------------------

function sys_getrefcount(_m: PyObject, o: PyObject): PyObject {
  return PyLong_FromNumber(o.ob_refcnt);
}

const getsizeofParams = ["object", "default"] as const;
function sys_getsizeof(
  _m: PyObject,
  args: Args,
  off: number,
  nargs: number,
  kwnames: PyObject | null,
): PyObject {
  const [o, dflt] = unpackKeywords(
    "getsizeof",
    getsizeofParams,
    args,
    off,
    nargs,
    kwnames,
    1,
    2,
    0,
  );
  const obj = o!;
  let res: PyObject;
  try {
    const descr = _PyType_Lookup(obj.ob_type, _Py_ID("__sizeof__"));
    if (descr === null) {
      throw PyErr_Format(PyExc_TypeError, `Type ${obj.ob_type.tp_name} doesn't define __sizeof__`);
    }
    const get = descr.ob_type.tp_descr_get;
    const method = get === null ? ref(descr) : get(descr, obj, obj.ob_type);
    try {
      res = PyObject_CallNoArgs(method);
    } finally {
      Py_DECREF(method);
    }
  } catch (e) {
    if (dflt !== null && e instanceof PyObject && PyType_IsSubtypeOf(e, PyExc_TypeError)) {
      Py_DECREF(e);
      return ref(dflt);
    }
    throw e;
  }
  const size = intOf(res);
  Py_DECREF(res);
  if (size < 0) throw PyErr_Format(PyExc_ValueError, "__sizeof__() should return >= 0");
  return PyLong_FromNumber(size + 16 * preheaderUnits(obj.ob_type));
}

import { PyType_IsSubtype } from "../objects/object.ts";
import { obmalloc, statLine } from "../memory/obmalloc.ts";
import { dictFreeListCounts } from "../objects/dictobject.ts";
import { floatFreeListCount } from "../objects/floatobject.ts";
import { listFreeListCount } from "../objects/listobject.ts";
import { tupleFreeListCounts } from "../objects/tupleobject.ts";
function PyType_IsSubtypeOf(e: PyObject, t: PyObject): boolean {
  return PyType_IsSubtype(e.ob_type, t as never);
}

/** _PyDebugAllocatorStats: one free list's line, its label right-aligned in 48 columns. */
function freeListLine(name: string, count: number, size: number): string {
  return statLine(`${count} ${name}s * ${size} bytes each`.padStart(48) + " ", count * size);
}

/**
 * sys._debugmallocstats(): the allocator's arenas, pools and size classes, then the type
 * free lists, written to the process's stderr as CPython writes them (not sys.stderr).
 */
function sys__debugmallocstats(): PyObject {
  let text = obmalloc.debugMallocStats() + "\n";
  text += freeListLine("free PyDictObject", dictFreeListCounts()[0], 48);
  text += freeListLine("free PyFloatObject", floatFreeListCount(), 24);
  text += freeListLine("free PyListObject", listFreeListCount(), 40);
  tupleFreeListCounts().forEach((n, i) => {
    text += freeListLine(`free ${i + 1}-sized PyTupleObject`, n, 24 + 8 * (i + 1));
  });
  hostState.host?.write("stderr", text);
  Py_INCREF(Py_None);
  return Py_None;
}

function sys_intern(_m: PyObject, s: PyObject): PyObject {
  if (!PyUnicode_Check(s)) {
    throw PyErr_Format(PyExc_TypeError, `intern() argument must be str, not ${s.ob_type.tp_name}`);
  }
  if (s.ob_type !== PyUnicode_Type) {
    throw PyErr_Format(PyExc_TypeError, `can't intern ${s.ob_type.tp_name}`);
  }
  return PyUnicode_InternInPlace(ref(s));
}

// ---- recursion limit ----------------------------------------------------------------------------

function sys_getrecursionlimit(_m: PyObject): PyObject {
  return PyLong_FromNumber(tstate.recursion_limit);
}

function sys_setrecursionlimit(_m: PyObject, v: PyObject): PyObject {
  if (v.ob_type.tp_name === "float") {
    throw PyErr_Format(PyExc_TypeError, "'float' object cannot be interpreted as an integer");
  }
  const limit = intOf(v);
  if (limit < 1) {
    throw PyErr_Format(PyExc_ValueError, "recursion limit must be greater or equal than 1");
  }
  const depth = tstate.recursion_limit - tstate.recursion_remaining;
  if (depth >= limit) {
    throw PyErr_Format(
      PyExc_RecursionError,
      `cannot set the recursion limit to ${limit} at the recursion depth ${depth}: the limit is too low`,
    );
  }
  tstate.recursion_limit = limit;
  tstate.recursion_remaining = limit - depth;
  updateStackCheck();
  return none();
}

// ---- exit, exceptions, frames -------------------------------------------------------------------

function sys_exit(_m: PyObject, args: Args, off: number, nargs: number): PyObject {
  if (nargs > 1) {
    throw PyErr_Format(PyExc_TypeError, `exit expected at most 1 argument, got ${nargs}`);
  }
  const status = nargs === 0 ? null : args[off]!;
  throw makeSystemExit(status);
}

/** _PyErr_CreateException(SystemExit, status): no args for None, *status for a tuple. */
function makeSystemExit(status: PyObject | null): PyObject {
  if (status === null || status === Py_None) return PyErr_SetNone(PyExc_SystemExit);
  if (status.ob_type.tp_name === "tuple") {
    Py_INCREF(status);
    return BaseException_new_from_args(PyExc_SystemExit, status);
  }
  Py_INCREF(status);
  return BaseException_new_from_args(PyExc_SystemExit, PyTuple_FromArraySteal([status]));
}

function sys_exc_info(_m: PyObject): PyObject {
  const exc = topmostException();
  if (exc === null) return PyTuple_FromArraySteal([none(), none(), none()]);
  const tb = PyException_GetTraceback(exc);
  return PyTuple_FromArraySteal([ref(exc.ob_type), ref(exc), tb === null ? none() : tb]);
}

function sys_exception(_m: PyObject): PyObject {
  const exc = topmostException();
  return exc === null ? none() : ref(exc);
}

function sys__getframe(_m: PyObject, args: Args, off: number, nargs: number): PyObject {
  if (nargs > 1) {
    throw PyErr_Format(PyExc_TypeError, `_getframe expected at most 1 argument, got ${nargs}`);
  }
  let depth = nargs === 0 ? 0 : intOf(args[off]!);
  let frame = vmstack.current;
  while (depth > 0 && frame !== null) {
    frame = frame.previous;
    depth--;
  }
  if (frame === null) throw PyErr_Format(PyExc_ValueError, "call stack is not deep enough");
  return ref(getFrameObject(frame));
}

// ---- hooks ---------------------------------------------------------------------------------------

/** sys.displayhook: prints repr(value) and keeps it as builtins._ */
function sys_displayhook(_m: PyObject, o: PyObject): PyObject {
  const builtins = builtinsModule!;
  const under = _Py_ID("_");
  if (o === Py_None) return none();
  PyObject_SetAttr(builtins, under, Py_None);
  const stdout = sysGetObject("stdout");
  if (stdout === null || stdout === Py_None) {
    throw PyErr_Format(PyExc_RuntimeErrorLost(), "lost sys.stdout");
  }
  const r = PyObject_Repr(o);
  try {
    PyFile_WriteString(str(r) + "\n", stdout);
  } finally {
    Py_DECREF(r);
  }
  PyObject_SetAttr(builtins, under, o);
  return none();
}

import { PyExc_RuntimeError } from "../objects/exceptions.ts";
function PyExc_RuntimeErrorLost() {
  return PyExc_RuntimeError;
}

/** sys.excepthook(type, value, traceback): the traceback printer. */
function sys_excepthook(_m: PyObject, args: Args, off: number, nargs: number): PyObject {
  if (nargs !== 3) {
    throw PyErr_Format(PyExc_TypeError, `excepthook expected 3 arguments, got ${nargs}`);
  }
  const value = args[off + 1]!;
  writeStderr(formatException(value));
  return none();
}

// ---- sys.unraisablehook ------------------------------------------------------------------------

/** The UnraisableHookArgs type, made with sys. */
let UnraisableHookArgs_Type: PyTypeObject | null = null;

/** The UnraisableHookArgs a sys.unraisablehook is called with (exc and obj borrowed). */
export function unraisableHookArgs(
  exc: PyObject,
  obj: PyObject | null,
  errMsg: string | null,
): PyObject {
  const tb = excData(exc).traceback;
  return PyStructSequence_New(UnraisableHookArgs_Type!, [
    ref(exc.ob_type),
    ref(exc),
    ref(tb ?? Py_None),
    errMsg === null ? none() : PyUnicode_FromString(errMsg),
    ref(obj ?? Py_None),
  ]);
}

/** sys.unraisablehook(unraisable): the default report, from an UnraisableHookArgs. */
function sys_unraisablehook(_m: PyObject, args: PyObject): PyObject {
  if (args.ob_type !== UnraisableHookArgs_Type) {
    throw PyErr_Format(
      PyExc_TypeError,
      "sys.unraisablehook argument type must be UnraisableHookArgs",
    );
  }
  const [, value, , errMsg, obj] = args.ob_item as PyObject[];
  unraisableDefault.write(
    value,
    obj === Py_None ? null : obj,
    errMsg === Py_None ? null : str(errMsg),
  );
  return none();
}

/** Writes text to sys.stderr (or the host's stderr when sys.stderr is gone). */
export function writeStderr(text: string): void {
  const stderr = sysGetObject("stderr");
  if (stderr === null || stderr === Py_None) {
    hostState.host?.write("stderr", text);
    return;
  }
  PyFile_WriteString(text, stderr);
}

// ---- flags, versions, limits ----------------------------------------------------------------------

const VERSION = "3.11.7 (main, glasspy) [TypeScript on V8]";

function makeConstants(d: PyObject): void {
  const set = (name: string, v: PyObject) => {
    PyDict_SetItemString(d, name, v);
    Py_DECREF(v);
  };
  const s = (t: string) => PyUnicode_FromString(t);
  const i = (n: number) => PyLong_FromNumber(n);
  set("version", s(VERSION));
  set("hexversion", i(0x030b07f0));
  set("api_version", i(1013));
  set("byteorder", s("little"));
  set("platform", s("linux"));
  set("executable", s("/usr/bin/python3"));
  set("_base_executable", s("/usr/bin/python3"));
  set("prefix", s("/usr"));
  set("base_prefix", s("/usr"));
  set("exec_prefix", s("/usr"));
  set("base_exec_prefix", s("/usr"));
  set("platlibdir", s("lib"));
  set("pycache_prefix", none());
  set("float_repr_style", s("short"));
  set("maxsize", PyLong_FromBigInt(2n ** 63n - 1n));
  set("maxunicode", i(0x10ffff));
  set("dont_write_bytecode", ref(Py_False));
  set("copyright", s("Copyright (c) 2001-2023 Python Software Foundation.\nAll Rights Reserved."));
  set("abiflags", s(""));

  const versionInfo = PyStructSequence_NewType(
    "sys.version_info",
    ["major", "minor", "micro", "releaselevel", "serial"],
  );
  set(
    "version_info",
    PyStructSequence_New(versionInfo, [i(3), i(11), i(7), s("final"), i(0)]),
  );
  const flagNames = [
    "debug",
    "inspect",
    "interactive",
    "optimize",
    "dont_write_bytecode",
    "no_user_site",
    "no_site",
    "ignore_environment",
    "verbose",
    "bytes_warning",
    "quiet",
    "hash_randomization",
    "isolated",
    "dev_mode",
    "utf8_mode",
    "warn_default_encoding",
    "safe_path",
    "int_max_str_digits",
  ];
  const flagsType = PyStructSequence_NewType("sys.flags", flagNames);
  set(
    "flags",
    PyStructSequence_New(
      flagsType,
      flagNames.map((n) =>
        n === "dev_mode" || n === "safe_path"
          ? ref(Py_False)
          : n === "int_max_str_digits"
          ? i(-1)
          : i(0)
      ),
    ),
  );
  const floatInfoType = PyStructSequence_NewType("sys.float_info", [
    "max",
    "max_exp",
    "max_10_exp",
    "min",
    "min_exp",
    "min_10_exp",
    "dig",
    "mant_dig",
    "epsilon",
    "radix",
    "rounds",
  ]);
  set(
    "float_info",
    PyStructSequence_New(floatInfoType, [
      PyFloat_FromDouble(Number.MAX_VALUE),
      i(1024),
      i(308),
      PyFloat_FromDouble(2.2250738585072014e-308),
      i(-1021),
      i(-307),
      i(15),
      i(53),
      PyFloat_FromDouble(Number.EPSILON),
      i(2),
      i(1),
    ]),
  );
  const intInfoType = PyStructSequence_NewType("sys.int_info", [
    "bits_per_digit",
    "sizeof_digit",
    "default_max_str_digits",
    "str_digits_check_threshold",
  ]);
  set("int_info", PyStructSequence_New(intInfoType, [i(30), i(4), i(4300), i(640)]));
  const hashInfoType = PyStructSequence_NewType("sys.hash_info", [
    "width",
    "modulus",
    "inf",
    "nan",
    "imag",
    "algorithm",
    "hash_bits",
    "seed_bits",
    "cutoff",
  ]);
  set(
    "hash_info",
    PyStructSequence_New(hashInfoType, [
      i(64),
      PyLong_FromBigInt(2n ** 61n - 1n),
      i(314159),
      i(0),
      i(1000003),
      s("siphash13"),
      i(64),
      i(128),
      i(0),
    ]),
  );
  const implDict = PyDict_New();
  const implNs = newObject(PySimpleNamespace_Type);
  void implNs;
  const ns = PySimpleNamespace_Type.tp_new!(PySimpleNamespace_Type, emptyTuple(), null);
  const nsDict = ns.ob_dict!;
  const setIn = (name: string, v: PyObject) => {
    PyDict_SetItemString(nsDict, name, v);
    Py_DECREF(v);
  };
  setIn("name", s("cpython"));
  setIn("cache_tag", s("cpython-311"));
  PyDict_SetItemString(nsDict, "version", d_get(d, "version_info"));
  PyDict_SetItemString(nsDict, "hexversion", d_get(d, "hexversion"));
  setIn("_multiarch", s("x86_64-linux-gnu"));
  set("implementation", ns);
  Py_DECREF(implDict);
}

/** d[name], borrowed. */
function d_get(d: PyObject, name: string): PyObject {
  const { dictGetStr } = dictApi;
  const key = PyUnicode_InternFromString(name);
  const v = dictGetStr(d, key)!;
  Py_DECREF(key);
  return v;
}
import * as dictApi from "../objects/dictobject.ts";

function emptyTuple(): PyObject {
  return PyTuple_FromArraySteal([]);
}

function sys_get_int_max_str_digits(_m: PyObject): PyObject {
  return PyLong_FromNumber(intMaxStrDigits.value);
}

const maxdigitsParams = ["maxdigits"] as const;
function sys_set_int_max_str_digits(
  _m: PyObject,
  args: Args,
  off: number,
  nargs: number,
  kwnames: PyObject | null,
): PyObject {
  const [v] = unpackKeywords(
    "set_int_max_str_digits",
    maxdigitsParams,
    args,
    off,
    nargs,
    kwnames,
    1,
    1,
    0,
  );
  const n = intOf(v!);
  if (n !== 0 && n < 640) {
    throw PyErr_Format(PyExc_ValueError, "maxdigits must be 0 or larger than 640");
  }
  intMaxStrDigits.value = n;
  return none();
}

// ---- the module -----------------------------------------------------------------------------------

function m(name: string, meth: PyMethodDef["ml_meth"], flags: number): PyMethodDef {
  return { ml_name: name, ml_meth: meth, ml_flags: flags };
}

const sysMethods: PyMethodDef[] = [
  m("getrefcount", sys_getrefcount, METH_O),
  m("getsizeof", sys_getsizeof, METH_FASTCALL | METH_KEYWORDS),
  m("_debugmallocstats", sys__debugmallocstats, METH_NOARGS),
  m("intern", sys_intern, METH_O),
  m("getrecursionlimit", sys_getrecursionlimit, METH_NOARGS),
  m("setrecursionlimit", sys_setrecursionlimit, METH_O),
  m("exit", sys_exit, METH_FASTCALL),
  m("exc_info", sys_exc_info, METH_NOARGS),
  m("exception", sys_exception, METH_NOARGS),
  m("_getframe", sys__getframe, METH_FASTCALL),
  m("displayhook", sys_displayhook, METH_O),
  m("excepthook", sys_excepthook, METH_FASTCALL),
  m("unraisablehook", sys_unraisablehook, METH_O),
  m("get_int_max_str_digits", sys_get_int_max_str_digits, METH_NOARGS),
  m("set_int_max_str_digits", sys_set_int_max_str_digits, METH_FASTCALL | METH_KEYWORDS),
  m("getdefaultencoding", () => PyUnicode_FromString("utf-8"), METH_NOARGS),
  m("getfilesystemencoding", () => PyUnicode_FromString("utf-8"), METH_NOARGS),
  m("is_finalizing", () => ref(Py_False), METH_NOARGS),
  m("getswitchinterval", () => PyFloat_FromDouble(0.005), METH_NOARGS),
  m("getallocatedblocks", () => PyLong_FromNumber(0), METH_NOARGS),
  m("_clear_type_cache", () => none(), METH_NOARGS),
];
void METH_VARARGS;
void Py_True;
void excData;

/** The sys module object (borrowed), once made. */
export let sysModule: PyObject | null = null;

/** Creates sys (_PySys_Create) with the program's argv. */
export function makeSys(argv: string[]): PyObject {
  const mod = PyModule_NewBuiltin(
    "sys",
    "This module provides access to some objects used or maintained by the\ninterpreter and to functions that interact strongly with the interpreter.",
  );
  const d = PyModule_GetDict(mod);
  // interp->sysdict owns a reference (the collector must see sys as reachable).
  Py_INCREF(d);
  sysState.dict = d;
  const modName = PyUnicode_InternFromString("sys");
  for (const ml of sysMethods) {
    const f = PyCFunction_New(ml, mod, modName);
    PyDict_SetItemString(d, ml.ml_name, f);
    Py_DECREF(f);
  }
  Py_DECREF(modName);
  const alias = (from: string, to: string) => PyDict_SetItemString(d, to, d_get(d, from));
  alias("displayhook", "__displayhook__");
  alias("excepthook", "__excepthook__");
  alias("unraisablehook", "__unraisablehook__");
  unraisableDefault.hook = d_get(d, "unraisablehook");
  UnraisableHookArgs_Type ??= PyStructSequence_NewType("UnraisableHookArgs", [
    "exc_type",
    "exc_value",
    "exc_traceback",
    "err_msg",
    "object",
  ]);
  const setOwned = (name: string, v: PyObject) => {
    PyDict_SetItemString(d, name, v);
    Py_DECREF(v);
  };
  setOwned("argv", PyList_FromArraySteal(argv.map((a) => PyUnicode_FromString(a))));
  setOwned(
    "orig_argv",
    PyList_FromArraySteal(["python3", ...argv].map((a) => PyUnicode_FromString(a))),
  );
  setOwned("path", PyList_FromArraySteal([]));
  setOwned("warnoptions", PyList_FromArraySteal([]));
  setOwned("meta_path", PyList_FromArraySteal([]));
  setOwned("path_hooks", PyList_FromArraySteal([]));
  setOwned("path_importer_cache", PyDict_New());
  setOwned(
    "builtin_module_names",
    PyTuple_FromArraySteal(builtinModuleNames().map((n) => PyUnicode_FromString(n))),
  );
  for (const stream of ["stdin", "stdout", "stderr"] as const) {
    const o = newStandardStream(stream);
    PyDict_SetItemString(d, stream, o);
    PyDict_SetItemString(d, `__${stream}__`, o);
    Py_DECREF(o);
  }
  makeConstants(d);
  const modules = PyDict_New();
  // interp->modules owns a reference, besides sys.modules.
  Py_INCREF(modules);
  importState.modules = modules;
  registerRoots("interp->modules", (visit) => visit(modules));
  registerRoots("interp->sysdict", (visit) => visit(d));
  setOwned("modules", modules);
  PyDict_SetItem(modules, _Py_ID("sys"), mod);
  hostState.displayhook = () => sysGetObject("displayhook");
  sysModule = mod;
  return mod;
}

registerModule("sys", () => ref(sysModule!));

export { makeSystemExit, VERSION };
