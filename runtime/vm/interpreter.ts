// The interpreter as a host sees it (Python/pylifecycle.c, Modules/main.c): start-up of
// the runtime, the __main__ module, running a script as `python3 FILE.py` does (with its
// exit status, the uncaught-exception report and finalization), and running code objects
// and source in __main__ for an interactive shell.
//
// One runtime per JavaScript realm: the object model's state (types, the heap model, the
// collector) is global, as CPython's is per process. Creating a second Interpreter gives
// it a fresh __main__, sys.argv and streams over the same runtime.

import {
  gcstate,
  Py_DECREF,
  Py_INCREF,
  Py_None,
  Py_XDECREF,
  PyObject,
  PyType_IsSubtype,
  PyType_Type,
} from "../objects/object.ts";
import { CPYTHON_SCRIPT_START } from "../memory/gc.ts";
import { CPYTHON_SCRIPT_FREELISTS, fillFreeLists } from "../objects/freelists.ts";
import { CPYTHON_SCRIPT_BLOCKS, obmalloc } from "../memory/obmalloc.ts";
import { registerRoots } from "../memory/audit.ts";
import { initTypes } from "../objects/typeslots.ts";
import { setupVmTypes } from "./vmtypes.ts";
import { classVectorcall } from "./typecall.ts";
import type { Host } from "./host.ts";
import { hostState } from "./hoststate.ts";
import {
  PyExc_KeyboardInterrupt,
  PyExc_SystemExit,
  PyException_GetTraceback,
} from "../objects/exceptions.ts";
import { internalErrors, isPyErr, PyErr_FromJS } from "../objects/errors.ts";
import { PyModule_GetDict, PyModule_New } from "../objects/moduleobject.ts";
import {
  dictDelIfPresent,
  dictGetStr,
  dictKeyList,
  PyDict_New,
  PyDict_SetItemString,
} from "../objects/dictobject.ts";
import { _Py_ID, PyUnicode_FromString } from "../objects/unicodeobject.ts";
import { longValue, PyLong_Check } from "../objects/longobject.ts";
import {
  PyObject_GetAttr,
  PyObject_Repr,
  PyObject_Str,
  str,
  typeModuleName,
  typeQualName,
} from "../objects/objectops.ts";
import { PyObject_CallOneArg, PyObject_Vectorcall } from "../objects/call.ts";
import { setBuiltinsFromGlobals } from "../objects/funcobject.ts";
import { tstate } from "../objects/pystate.ts";
import { setUnraisableReporter, unraisableDefault } from "../objects/unraisable.ts";
import { installJitRuntime, PyEval_EvalCode } from "./eval.ts";
import { vmstack } from "./frame.ts";
import { type CompileRequest, compileSource, syntaxErrorFrom } from "./pythonrun.ts";
import { decodeSource } from "../compiler/decode.ts";
import { CompileError } from "../compiler/syntaxerror.ts";
import { formatException, formatTraceback, setSourceReader, tracebackState } from "./traceback.ts";
import { importState } from "./imports.ts";
import { PyCell_Check, PyCell_GET } from "../objects/cellobject.ts";
import { CO_FAST } from "../compiler/code.ts";
import type { CodeUnit } from "../compiler/code.ts";
import { ConstantPool, PyCode_FromUnit } from "../objects/codeobject.ts";
import { PyErr_Format } from "../objects/errors.ts";
import { PyExc_RuntimeError } from "../objects/exceptions.ts";
import { PyModule_Check } from "../objects/moduleobject.ts";
import { makeBuiltins } from "../modules/builtins.ts";
import { makeSys, unraisableHookArgs, writeStderr } from "../modules/sys.ts";
import { sysGetObject } from "../modules/sysstate.ts";
import { runAtexitCallbacks } from "../modules/atexit.ts";
import "../modules/all.ts";

/** A Python exception that reached the host: `exception` is owned by this error. */
export class PythonError extends Error {
  constructor(readonly exception: PyObject) {
    super(exception.ob_type.tp_name);
  }
}

/** How a script run ended, as the process would exit. */
export interface ExitStatus {
  /** The process exit status (0..255), or -2 for death by SIGINT (KeyboardInterrupt). */
  code: number;
}

let runtimeReady = false;

/** Starts the object model once per realm (_PyRuntime_Initialize + pycore_init_types). */
function initRuntime(): void {
  if (runtimeReady) return;
  runtimeReady = true;
  setupVmTypes();
  initTypes();
  PyType_Type.tp_instance_vectorcall = classVectorcall;
  setBuiltinsFromGlobals(builtinsFromGlobals);
  tstate.frames = {
    globals: () => vmstack.current?.f_globals ?? null,
    superArgs,
  };
  setUnraisableReporter(reportUnraisable);
  installJitRuntime();
}

/** _PyEval_BuiltinsFromGlobals: globals["__builtins__"] (a module's dict), or the frame's. */
function builtinsFromGlobals(globals: PyObject): PyObject {
  const b = dictGetStr(globals, _Py_ID("__builtins__"));
  if (b !== null) return PyModule_Check(b) ? PyModule_GetDict(b) : b;
  const frame = vmstack.current;
  if (frame !== null) return frame.f_builtins;
  return PyModule_GetDict(currentBuiltins!);
}

let currentBuiltins: PyObject | null = null;

/** super() without arguments (super_init_without_args). */
function superArgs(): [import("../objects/object.ts").PyTypeObject, PyObject] {
  const frame = vmstack.current;
  if (frame === null) throw PyErr_Format(PyExc_RuntimeError, "super(): no current frame");
  const co = frame.code;
  if (co.co_argcount === 0) throw PyErr_Format(PyExc_RuntimeError, "super(): no arguments");
  const ls = frame.localsplus;
  let first = ls[frame.base];
  if (first !== null && (co.co_localspluskinds[0] & CO_FAST.CELL) && PyCell_Check(first)) {
    // The first argument is a cell once the frame has started (MAKE_CELL ran).
    if (frame.prev_instr >= 0) first = PyCell_GET(first);
  }
  if (first === null) throw PyErr_Format(PyExc_RuntimeError, "super(): arg[0] deleted");
  const names = co.co_localsplusnames.ob_item as PyObject[];
  for (let i = co.co_nlocals; i < co.co_nlocalsplus; i++) {
    if (str(names[i]) !== "__class__") continue;
    if (!(co.co_localspluskinds[i] & CO_FAST.FREE)) continue;
    const cell = ls[frame.base + i];
    if (cell === null || !PyCell_Check(cell)) {
      throw PyErr_Format(PyExc_RuntimeError, "super(): bad __class__ cell");
    }
    const type = PyCell_GET(cell);
    if (type === null) throw PyErr_Format(PyExc_RuntimeError, "super(): empty __class__ cell");
    if (!(type.ob_type.tp_flags & (1 << 31))) {
      throw PyErr_Format(
        PyExc_RuntimeError,
        `super(): __class__ is not a type (${type.ob_type.tp_name})`,
      );
    }
    return [type as import("../objects/object.ts").PyTypeObject, first];
  }
  throw PyErr_Format(PyExc_RuntimeError, "super(): __class__ cell not found");
}

/** The qualified name of an exception's class as error reports print it. */
function excTypeName(exc: PyObject): string {
  const t = exc.ob_type;
  const mod = typeModuleName(t);
  const qual = typeQualName(t);
  return mod === null || mod === "builtins" || mod === "__main__" ? qual : `${mod}.${qual}`;
}

/** The default sys.unraisablehook (write_unraisable_exc_file). */
function reportUnraisable(exc: unknown, obj: PyObject | null, msg?: string): void {
  const value = isPyErr(exc) ? exc : PyErr_FromJS(exc);
  const errMsg = msg === undefined ? null : `Exception ignored ${msg}`;
  try {
    const hook = sysGetObject("unraisablehook");
    if (hook !== null && hook !== Py_None && hook !== unraisableDefault.hook) {
      // A user's sys.unraisablehook gets an UnraisableHookArgs; if it raises, that is
      // reported in its turn by the default writer.
      let args: PyObject | null = null;
      try {
        args = unraisableHookArgs(value, obj, errMsg);
        const r = PyObject_CallOneArg(hook, args);
        Py_DECREF(r);
      } catch (e) {
        const hookExc = isPyErr(e) ? e : PyErr_FromJS(e);
        try {
          writeUnraisableText(hookExc, hook, "Exception ignored in sys.unraisablehook");
        } finally {
          Py_DECREF(hookExc);
        }
      } finally {
        if (args !== null) Py_DECREF(args);
      }
      return;
    }
    writeUnraisableText(value, obj, errMsg);
  } catch (e) {
    if (isPyErr(e)) Py_DECREF(e);
  } finally {
    Py_DECREF(value);
  }
}

/** The default hook's text: "Exception ignored in: <repr>", the traceback, the exception. */
function writeUnraisableText(value: PyObject, obj: PyObject | null, errMsg: string | null): void {
  let text = "";
  const head = errMsg ?? "Exception ignored in";
  if (obj === null && errMsg !== null) text += `${head}:\n`;
  if (obj !== null) {
    let r: string;
    try {
      const ro = PyObject_Repr(obj);
      r = str(ro);
      Py_DECREF(ro);
    } catch (e) {
      if (isPyErr(e)) Py_DECREF(e);
      r = "<object repr() failed>";
    }
    text += `${head}: ${r}\n`;
  }
  const tb = PyException_GetTraceback(value);
  if (tb !== null) {
    text += formatTraceback(tb);
    Py_DECREF(tb);
  }
  text += excTypeName(value);
  let s: string;
  try {
    const so = PyObject_Str(value);
    s = str(so);
    Py_DECREF(so);
  } catch (e) {
    if (isPyErr(e)) Py_DECREF(e);
    s = "<exception str() failed>";
  }
  text += `: ${s}\n`;
  writeStderr(text);
}
unraisableDefault.write = writeUnraisableText;

export interface InterpreterOptions {
  /**
   * Called when a script has run, before finalization (memory/audit.ts): the heap audit
   * runs here when the host asks for it.
   */
  beforeFinalize?: () => void;
  /** Reads a source file for traceback lines (linecache), or null when it cannot. */
  readSource?: (filename: string) => string | null;
  /**
   * __main__ as `python3` makes it (add_main_module), with an empty `__annotations__` dict
   * before `__builtins__`; IPython's user namespace has none.
   */
  scriptMain?: boolean;
}

/** Options of Interpreter.compile. */
export interface CompileParams {
  filename: string;
  mode: "exec" | "eval" | "single";
  /** compile()'s flags */
  flags?: number;
}

/**
 * A Python interpreter over a Host: sys.argv from argv, sys.stdout/stderr to
 * Host.write, input() from Host.readline, KeyboardInterrupt from Host.interrupt.
 */
export class Interpreter {
  /** The __main__ module (owned). */
  readonly main: PyObject;
  /** __main__.__dict__ (borrowed from main). */
  readonly globals: PyObject;
  /** The builtins module (owned). */
  readonly builtins: PyObject;
  private finalized = false;

  private readonly readSource: (filename: string) => string | null;
  private readonly beforeFinalize: () => void;

  constructor(readonly host: Host, argv: string[] = [""], options: InterpreterOptions = {}) {
    this.readSource = options.readSource ?? (() => null);
    this.beforeFinalize = options.beforeFinalize ?? (() => {});
    initRuntime();
    hostState.host = host;
    hostState.interrupt = host.interrupt;
    this.builtins = makeBuiltins();
    currentBuiltins = this.builtins;
    const sys = makeSys(argv);
    PyDict_SetItemString(importState.modules!, "builtins", this.builtins);
    Py_DECREF(sys);
    const main = PyModule_New("__main__");
    this.main = main;
    registerRoots("Interpreter.main and .builtins", (visit) => {
      if (!this.finalized) {
        visit(this.main);
        visit(this.builtins);
      }
    });
    this.globals = PyModule_GetDict(main);
    if (options.scriptMain) {
      const annotations = PyDict_New();
      PyDict_SetItemString(this.globals, "__annotations__", annotations);
      Py_DECREF(annotations);
    }
    PyDict_SetItemString(this.globals, "__builtins__", this.builtins);
    PyDict_SetItemString(importState.modules!, "__main__", main);
    setSourceReader(this.readSource);
  }

  // ---- compiling and running -------------------------------------------------------------

  /** compile(source, filename, mode): a code object (owned); throws PythonError(SyntaxError). */
  compile(source: string, params: CompileParams): PyObject {
    try {
      return compileSource(source, {
        filename: params.filename,
        mode: params.mode,
        flags: params.flags,
      }).code;
    } catch (e) {
      throw this.toPythonError(e);
    }
  }

  /** A code object (owned) from a CodeUnit the compiler made elsewhere. */
  codeFromUnit(unit: CodeUnit): PyObject {
    const pool = new ConstantPool(false);
    const code = PyCode_FromUnit(unit, pool);
    pool.clear();
    return code;
  }

  /**
   * Runs a code object in __main__ (globals and locals __main__.__dict__). Returns the
   * result (owned: None for exec code, the value for eval code); throws PythonError.
   */
  exec(code: PyObject, globals: PyObject = this.globals, locals: PyObject = globals): PyObject {
    try {
      return PyEval_EvalCode(code, globals, locals);
    } catch (e) {
      throw this.toPythonError(e);
    }
  }

  /** Compiles and runs source in __main__ with script-mode constant references. */
  runSource(source: string, req: CompileRequest): PyObject {
    let compiled;
    try {
      compiled = compileSource(source, { ...req, arena: req.arena ?? true });
    } catch (e) {
      throw this.toPythonError(e);
    }
    try {
      return this.exec(compiled.code);
    } finally {
      Py_DECREF(compiled.code);
      compiled.pool.release();
    }
  }

  /**
   * Runs a script as `python3 FILE.py` does (_PyRun_SimpleFileObject + Py_RunMain): sets
   * __file__, runs, prints an uncaught exception with sys.excepthook, handles SystemExit,
   * finalizes, and returns the exit status.
   */
  runScript(filename: string, source: string | Uint8Array): ExitStatus {
    const d = this.globals;
    let setFileName = false;
    if (dictGetStr(d, _Py_ID("__file__")) === null) {
      const f = PyUnicode_FromString(filename);
      PyDict_SetItemString(d, "__file__", f);
      Py_DECREF(f);
      PyDict_SetItemString(d, "__cached__", Py_None);
      setFileName = true;
    }
    let status = 0;
    let exc: PyObject | null = null;
    try {
      let text: string;
      if (typeof source === "string") text = source;
      else {
        try {
          text = decodeSource(source, { script: true, filename });
        } catch (e) {
          if (e instanceof CompileError) throw syntaxErrorFrom(e);
          throw e;
        }
      }
      const compiled = compileSource(text, {
        filename,
        mode: "exec",
        byteOffsets: true,
        arena: true,
        warn: (category, message, lineno) =>
          this.compileWarning(filename, category, message, lineno),
      });
      // Automatic full collections depend on how many objects CPython's start-up left, and
      // what new objects count toward them on what its free lists hold.
      fillFreeLists(CPYTHON_SCRIPT_FREELISTS);
      gcstate.setStartupState(CPYTHON_SCRIPT_START);
      obmalloc.setStartupState(CPYTHON_SCRIPT_BLOCKS);
      try {
        Py_DECREF(PyEval_EvalCode(compiled.code, d, d));
      } finally {
        Py_DECREF(compiled.code);
        compiled.pool.release();
      }
    } catch (e) {
      exc = this.caught(e);
    }
    if (exc !== null) status = this.printUncaught(exc);
    if (setFileName) {
      dictDelIfPresent(d, _Py_ID("__file__"));
      dictDelIfPresent(d, _Py_ID("__cached__"));
    }
    this.beforeFinalize();
    if (status === -3) return { code: this.finalize(-2) };
    return { code: this.finalize(status) };
  }

  private compileWarning(
    filename: string,
    category: string,
    message: string,
    lineno: number,
  ): void {
    let text = `${filename}:${lineno}: ${category}: ${message}\n`;
    const src = this.readSource(filename);
    if (src !== null) {
      const line = src.split(/\r\n?|\n/)[lineno - 1];
      if (line !== undefined && line.trim() !== "") text += `  ${line.trim()}\n`;
    }
    this.host.write("stderr", text);
  }

  /** A caught JS value as an owned Python exception. */
  private caught(e: unknown): PyObject {
    if (e instanceof PythonError) return e.exception;
    return PyErr_FromJS(e);
  }

  /**
   * PyErr_Print for an uncaught exception (owned): SystemExit gives its status; others
   * are printed by sys.excepthook and give 1; KeyboardInterrupt gives -3 (exit by SIGINT).
   */
  private printUncaught(exc: PyObject): number {
    if (PyType_IsSubtype(exc.ob_type, PyExc_SystemExit)) return this.handleSystemExit(exc);
    const isInterrupt = PyType_IsSubtype(exc.ob_type, PyExc_KeyboardInterrupt);
    // sys.last_type, sys.last_value and sys.last_traceback keep the exception alive.
    const sysd = importState.modules === null
      ? null
      : dictGetStr(importState.modules, _Py_ID("sys"));
    const tb = PyException_GetTraceback(exc);
    if (sysd !== null) {
      const sd = PyModule_GetDict(sysd);
      PyDict_SetItemString(sd, "last_type", exc.ob_type);
      PyDict_SetItemString(sd, "last_value", exc);
      PyDict_SetItemString(sd, "last_traceback", tb ?? Py_None);
    }
    try {
      const hook = sysGetObject("excepthook");
      if (hook === null || hook === Py_None) {
        writeStderr("sys.excepthook is missing\n");
        writeStderr(formatException(exc));
      } else {
        Py_DECREF(PyObject_Vectorcall(hook, [exc.ob_type, exc, tb ?? Py_None], 0, 3, null));
      }
    } catch (e) {
      const err = this.caught(e);
      if (PyType_IsSubtype(err.ob_type, PyExc_SystemExit)) {
        Py_XDECREF(tb);
        Py_DECREF(exc);
        return this.handleSystemExit(err);
      }
      writeStderr(
        "Error in sys.excepthook:\n" + formatException(err) + "\nOriginal exception was:\n" +
          formatException(exc),
      );
      Py_DECREF(err);
    }
    Py_XDECREF(tb);
    Py_DECREF(exc);
    return isInterrupt ? -3 : 1;
  }

  /** handle_system_exit: the exit status of SystemExit (owned), printing a non-int code. */
  private handleSystemExit(exc: PyObject): number {
    let code: PyObject;
    try {
      code = PyObject_GetAttr(exc, _Py_ID("code"));
    } catch (e) {
      if (isPyErr(e)) Py_DECREF(e);
      code = exc;
      Py_INCREF(exc);
    }
    Py_DECREF(exc);
    try {
      if (code === Py_None) return 0;
      if (PyLong_Check(code)) {
        const v = longValue(code);
        const big = BigInt(v);
        // PyLong_AsLong, then the (int) cast and the OS's 8 bits
        const asLong = big > 2n ** 63n - 1n || big < -(2n ** 63n) ? -1n : big;
        return Number(BigInt.asUintN(8, BigInt.asIntN(32, asLong)));
      }
      try {
        const s = PyObject_Str(code);
        writeStderr(str(s) + "\n");
        Py_DECREF(s);
      } catch (e) {
        if (isPyErr(e)) Py_DECREF(e);
      }
      return 1;
    } finally {
      Py_DECREF(code);
    }
  }

  /**
   * Py_FinalizeEx, as far as a program can see it: __main__ and the other modules are
   * cleared, which runs the remaining finalizers (__del__) with no source lines in the
   * tracebacks they print. Returns the exit status.
   */
  finalize(status: number): number {
    if (this.finalized) return status;
    this.finalized = true;
    // Py_FinalizeEx: the atexit callbacks run first, while everything is still alive.
    runAtexitCallbacks();
    tracebackState.finalizing = true;
    try {
      const modules = importState.modules;
      if (modules !== null) {
        // Py_FinalizeEx collects once while every module is still alive (PyGC_Collect,
        // skipped when gc is disabled).
        if (gcstate.enabled && !gcstate.collecting) {
          gcstate.collecting = true;
          try {
            gcstate.collectWithCallback(2);
          } finally {
            gcstate.collecting = false;
          }
        }
        const sysMod = dictGetStr(modules, _Py_ID("sys"));
        if (sysMod !== null) {
          const sd = PyModule_GetDict(sysMod);
          for (const name of ["last_type", "last_value", "last_traceback"]) {
            dictDelIfPresent(sd, PyUnicode_FromStringInterned(name));
          }
        }
        // finalize_modules: __main__ leaves sys.modules and the interpreter lets go of it,
        // so the module object dies and leaves its dict to the collector (the functions'
        // __globals__ hold it in a cycle): the objects in it are finalized in the
        // collector's order, not the dict's. A dict that something else still holds is
        // left alone, as CPython leaves the globals of a module that is already gone.
        dictDelIfPresent(modules, _Py_ID("__main__"));
        Py_DECREF(this.main);
        gcstate.collectNoFail();
      }
    } catch (e) {
      reportUnraisable(e, null);
    }
    tracebackState.finalizing = false;
    return status;
  }

  // ---- what a shell needs ---------------------------------------------------------------------

  /** The uncaught-exception text CPython prints (traceback, chain, carets). */
  formatException(exc: PyObject): string {
    return formatException(exc);
  }

  /** repr(o) as text; throws PythonError. */
  repr(o: PyObject): string {
    try {
      const r = PyObject_Repr(o);
      const s = str(r);
      Py_DECREF(r);
      return s;
    } catch (e) {
      throw this.toPythonError(e);
    }
  }

  /** The names bound in __main__, in insertion order. */
  globalNames(): string[] {
    return dictKeyList(this.globals).map((k) => str(k));
  }

  /** Diagnostics of JavaScript errors turned into SystemError (most recent last). */
  internalErrors(): { message: string; stack: string }[] {
    return [...internalErrors];
  }

  private toPythonError(e: unknown): PythonError {
    if (e instanceof PythonError) return e;
    return new PythonError(PyErr_FromJS(e));
  }
}

function PyUnicode_FromStringInterned(name: string): PyObject {
  return _Py_ID(name);
}
