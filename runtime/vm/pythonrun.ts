// Compiling and running source text (Python/pythonrun.c): the compiler's CodeUnit becomes
// a code object; a CompileError becomes a Python SyntaxError; and source run as a whole
// (a script, exec() or eval() of a string) keeps the references that CPython's parser
// arena holds on its literal constants until the run ends.

import { compile, CompileError, type CompileMode } from "../compiler/compile.ts";
import { Py_DECREF, Py_INCREF, Py_None, PyObject } from "../objects/object.ts";
import { ConstantPool, PyCode_FromUnit } from "../objects/codeobject.ts";
import { BaseException_new_from_args, builtinExceptions } from "../objects/exceptions.ts";
import { PyTuple_FromArraySteal } from "../objects/tupleobject.ts";
import { PyUnicode_FromString } from "../objects/unicodeobject.ts";
import { PyLong_FromNumber } from "../objects/longobject.ts";
import { PyEval_EvalCode } from "./eval.ts";
import { sourceCache } from "./traceback.ts";

export interface CompileRequest {
  filename: string;
  mode: CompileMode;
  /** compile()'s flags (future features, PyCF bits). */
  flags?: number;
  /** compile()'s optimize. */
  optimize?: number;
  /** The source was read from bytes (a file): SyntaxError offsets in UTF-8 bytes. */
  byteOffsets?: boolean;
  /** Keep the parser arena's references on literal constants (see ConstantPool). */
  arena?: boolean;
  /** Receives compile-time warnings (category, message, lineno). */
  warn?: (category: string, message: string, lineno: number) => void;
}

/** A compiled piece of source: the code object (owned) and its constant pool. */
export interface Compiled {
  code: PyObject;
  pool: ConstantPool;
}

/** Turns the compiler's error into a SyntaxError (or subclass) instance. */
export function syntaxErrorFrom(e: CompileError): PyObject {
  const type = builtinExceptions.get(e.kind)!;
  const msg = PyUnicode_FromString(e.msg);
  if (!e.located) return BaseException_new_from_args(type, PyTuple_FromArraySteal([msg]));
  const optInt = (v: number | null) => {
    if (v === null) {
      Py_INCREF(Py_None);
      return Py_None;
    }
    return PyLong_FromNumber(v);
  };
  const text = e.text === null ? (Py_INCREF(Py_None), Py_None) : PyUnicode_FromString(e.text);
  const details = PyTuple_FromArraySteal([
    PyUnicode_FromString(e.filename),
    PyLong_FromNumber(e.lineno),
    PyLong_FromNumber(e.offset),
    text,
    optInt(e.endLineno),
    optInt(e.endOffset),
  ]);
  return BaseException_new_from_args(type, PyTuple_FromArraySteal([msg, details]));
}

/** Compiles source to a code object; raises SyntaxError. */
export function compileSource(source: string, req: CompileRequest): Compiled {
  let unit;
  try {
    unit = compile(source, {
      filename: req.filename,
      mode: req.mode,
      flags: req.flags,
      optimize: req.optimize,
      byteOffsets: req.byteOffsets,
      warn: req.warn,
    });
  } catch (e) {
    if (e instanceof CompileError) throw syntaxErrorFrom(e);
    throw e;
  }
  // linecache's view: real files are read back for tracebacks; "<string>" has no lines.
  if (!req.filename.startsWith("<")) sourceCache.set(req.filename, source);
  const pool = new ConstantPool(req.arena ?? false);
  const code = PyCode_FromUnit(unit, pool);
  pool.clear();
  return { code, pool };
}

/**
 * Runs source as a whole in globals/locals (PyRun_StringFlags): compiles it, runs it, and
 * drops the arena references when the run ends. Returns the result (a new reference).
 */
export function runSource(
  source: string,
  req: CompileRequest,
  globals: PyObject,
  locals: PyObject,
): PyObject {
  const { code, pool } = compileSource(source, { ...req, arena: req.arena ?? true });
  try {
    return PyEval_EvalCode(code, globals, locals);
  } finally {
    Py_DECREF(code);
    pool.release();
  }
}
