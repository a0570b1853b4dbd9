// Compiling and running source text (Python/pythonrun.c): the compiler's CodeUnit becomes
// a code object; a CompileError becomes a Python SyntaxError; and source run as a whole
// (a script, exec() or eval() of a string) keeps the references that CPython's parser
// arena holds on its literal constants until the run ends.

import { compile, CompileError, type CompileMode } from "../compiler/compile.ts";
import { type WarnFn, WarningAsError } from "../compiler/source.ts";
import {
  Py_DECREF,
  Py_INCREF,
  Py_None,
  Py_XDECREF,
  PyObject,
  PyType_IsSubtype,
} from "../objects/object.ts";
import { PyObject_GetAttr } from "../objects/objectops.ts";
import { PyObject_CallArgs } from "../objects/call.ts";
import { _Py_ID } from "../objects/unicodeobject.ts";
import { importModule } from "./imports.ts";
import { ConstantPool, PyCode_FromUnit } from "../objects/codeobject.ts";
import {
  BaseException_new_from_args,
  builtinExceptions,
  PyException_SetTraceback,
} from "../objects/exceptions.ts";
import { PyTuple_FromArraySteal } from "../objects/tupleobject.ts";
import { PyUnicode_FromString } from "../objects/unicodeobject.ts";
import { PyLong_FromNumber } from "../objects/longobject.ts";
import { PyEval_EvalCode } from "./eval.ts";
import { readSourceFile, sourceCache } from "./traceback.ts";

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
  /**
   * Source handed to compile(), exec() or eval() as a string: CPython's linecache does not
   * know it, so its lines are the file's that `filename` names, if there is one (for a
   * SyntaxError's text and for tracebacks), and its warnings go through the warnings
   * module (warnThroughModule) unless `warn` is given.
   */
  fromString?: boolean;
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

/**
 * Compile-time warnings as PyErr_WarnExplicitObject issues them (compile(), exec() and
 * eval() of source): through warnings.warn_explicit(message, category, filename, lineno),
 * so the filters apply and showwarning prints them. A warning the filters turn into an
 * error of its own category becomes a SyntaxError at its place (WarningAsError); any
 * other exception from the warnings machinery propagates.
 */
export function warnThroughModule(filename: string): WarnFn {
  return (category, message, lineno) => {
    const type = builtinExceptions.get(category)!;
    const warnings = importModule(_Py_ID("warnings"));
    let fn: PyObject | null = null;
    const args: PyObject[] = [];
    try {
      fn = PyObject_GetAttr(warnings, _Py_ID("warn_explicit"));
      Py_INCREF(type);
      args.push(PyUnicode_FromString(message), type, PyUnicode_FromString(filename));
      args.push(PyLong_FromNumber(lineno));
      Py_DECREF(PyObject_CallArgs(fn, ...args));
    } catch (e) {
      if (e instanceof PyObject && PyType_IsSubtype(e.ob_type, type)) {
        // CPython's _warnings is C: the dropped warning holds no Python frame, so no cycle
        // through warn_explicit's frame (which refers to the warning) is left behind
        PyException_SetTraceback(e, Py_None);
        Py_DECREF(e);
        throw new WarningAsError(message);
      }
      throw e;
    } finally {
      for (const a of args) Py_DECREF(a);
      Py_XDECREF(fn);
      Py_DECREF(warnings);
    }
  };
}

/**
 * PyErr_ProgramTextObject: line lineno of the file named filename, read with universal
 * newlines (its end, \r\n or \r included, is a \n), or null when there is no such file or
 * line.
 */
export function fileLine(filename: string, lineno: number): string | null {
  if (filename.startsWith("<") || readSourceFile === null || lineno < 1) return null;
  const text = readSourceFile(filename);
  if (text === null) return null;
  const lines = text.split(/\r\n|\r|\n/);
  if (lineno > lines.length || (lineno === lines.length && lines[lineno - 1] === "")) return null;
  return lineno < lines.length ? lines[lineno - 1] + "\n" : lines[lineno - 1];
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
      warn: req.warn ?? (req.fromString ? warnThroughModule(req.filename) : undefined),
      programText: req.fromString ? fileLine : undefined,
    });
  } catch (e) {
    if (e instanceof CompileError) throw syntaxErrorFrom(e);
    throw e;
  }
  // linecache's view: a script's or module's file is read back for tracebacks;
  // "<string>", or a name given to compile(), has no lines unless a file has that name
  if (!req.fromString && !req.filename.startsWith("<")) sourceCache.set(req.filename, source);
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
