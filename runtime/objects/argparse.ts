// Argument checking for built-in functions (Python/getargs.c, Argument Clinic's helpers):
// the positional-count and keyword checks with CPython's messages.

import { Py_DECREF, Py_INCREF, Py_None, PyBool_Type, PyLong_Type, PyObject } from "./object.ts";
import { dictForEach } from "./dictobject.ts";
import { PyTuple_FromArraySteal } from "./tupleobject.ts";
import { PyErr_Format } from "./errors.ts";
import { PyExc_OverflowError, PyExc_TypeError, PyExc_ValueError } from "./exceptions.ts";
import { PyUnicode_Check } from "./unicodeobject.ts";
import {
  PyIndex_Check,
  PyNumber_AsSsize_t,
  PyNumber_Index,
  SSIZE_MAX,
  SSIZE_MIN,
} from "./abstract.ts";
import { longValue } from "./longobject.ts";
import { str } from "./objectops.ts";

/** _PyArg_CheckPositional: "NAME expected at least/at most/N argument(s), got M". */
export function checkPositional(name: string, nargs: number, min: number, max: number): void {
  if (nargs < min) {
    const msg = min === max ? "" : "at least ";
    throw PyErr_Format(
      PyExc_TypeError,
      `${name} expected ${msg}${min} argument${min === 1 ? "" : "s"}, got ${nargs}`,
    );
  }
  if (nargs > max) {
    if (max === 0) {
      throw PyErr_Format(PyExc_TypeError, `${name} expected no arguments, got ${nargs}`);
    }
    const msg = min === max ? "" : "at most ";
    throw PyErr_Format(
      PyExc_TypeError,
      `${name} expected ${msg}${max} argument${max === 1 ? "" : "s"}, got ${nargs}`,
    );
  }
}

/**
 * The argument count check of PyArg_ParseTuple (a METH_VARARGS function parsing "O|OO:name"):
 * "name() takes at least 1 argument (0 given)", as str.find/count/index and their kin word it.
 */
export function checkParseTupleCount(name: string, nargs: number, min: number, max: number): void {
  if (nargs >= min && nargs <= max) return;
  const n = nargs < min ? min : max;
  const how = min === max ? "exactly" : nargs < min ? "at least" : "at most";
  throw PyErr_Format(
    PyExc_TypeError,
    `${name}() takes ${how} ${n} argument${n === 1 ? "" : "s"} (${nargs} given)`,
  );
}

/**
 * _PyArg_BadArgument: "NAME() DISPLAY must be EXPECTED, not TYPE", DISPLAY being "argument"
 * (a function of one parameter), "argument N" or "argument 'NAME'"; None is named None.
 */
export function badArgument(
  fname: string,
  display: string,
  expected: string,
  arg: PyObject,
): PyObject {
  return PyErr_Format(
    PyExc_TypeError,
    `${fname}() ${display} must be ${expected}, not ${argTypeName(arg)}`,
  );
}

/** How Argument Clinic names a wrong argument's type: None as None, else its type's name */
export function argTypeName(o: PyObject): string {
  return o === Py_None ? "None" : o.ob_type.tp_name;
}

/** _PyArg_NoKwnames: "NAME() takes no keyword arguments". */
export function noKwnames(name: string, kwnames: PyObject | null): void {
  if (kwnames !== null && kwnames.ob_item!.length > 0) {
    throw PyErr_Format(PyExc_TypeError, `${name}() takes no keyword arguments`);
  }
}

/** _PyArg_NoKeywords for a kwargs dict. */
export function noKeywords(name: string, kwargs: PyObject | null): void {
  if (kwargs !== null && kwargs.ob_size > 0) {
    throw PyErr_Format(PyExc_TypeError, `${name}() takes no keyword arguments`);
  }
}

/**
 * _PyArg_UnpackKeywords for a FASTCALL|KEYWORDS function: fills `out` with the arguments in
 * parameter order (null where not given), with getargs.c's checks in its order. `posonly`
 * leading parameters are positional-only; `minkw` keyword-only parameters after `maxpos`
 * are required. `fname` is the function name for messages.
 */
export function unpackKeywords(
  fname: string,
  params: readonly string[],
  args: (PyObject | null)[],
  offset: number,
  nargs: number,
  kwnames: PyObject | null,
  minpos: number,
  maxpos: number,
  minkw: number,
  posonly = 0,
): (PyObject | null)[] {
  const out: (PyObject | null)[] = new Array(params.length).fill(null);
  const maxargs = params.length;
  const names = kwnames === null ? null : kwnames.ob_item as PyObject[];
  let nkwargs = names === null ? 0 : names.length;
  if (nkwargs === 0 && minkw === 0 && minpos <= nargs && nargs <= maxpos) {
    for (let i = 0; i < nargs; i++) out[i] = args[offset + i];
    return out;
  }
  if (nargs + nkwargs > maxargs) {
    throw PyErr_Format(
      PyExc_TypeError,
      `${fname}() takes at most ${maxargs} ${nargs === 0 ? "keyword " : ""}argument${
        maxargs === 1 ? "" : "s"
      } (${nargs + nkwargs} given)`,
    );
  }
  if (nargs > maxpos) {
    if (maxpos === 0) {
      throw PyErr_Format(PyExc_TypeError, `${fname}() takes no positional arguments`);
    }
    throw PyErr_Format(
      PyExc_TypeError,
      `${fname}() takes ${minpos < maxpos ? "at most" : "exactly"} ${maxpos} positional argument${
        maxpos === 1 ? "" : "s"
      } (${nargs} given)`,
    );
  }
  const minposonly = Math.min(posonly, minpos);
  if (nargs < minposonly) {
    throw PyErr_Format(
      PyExc_TypeError,
      `${fname}() takes ${
        minposonly < maxpos ? "at least" : "exactly"
      } ${minposonly} positional argument${minposonly === 1 ? "" : "s"} (${nargs} given)`,
    );
  }
  for (let i = 0; i < nargs; i++) out[i] = args[offset + i];
  const reqlimit = minkw ? maxpos + minkw : minpos;
  const find = (key: string): PyObject | null => {
    for (let k = 0; k < names!.length; k++) {
      if (str(names![k]) === key) return args[offset + nargs + k];
    }
    return null;
  };
  for (let i = Math.max(nargs, posonly); i < maxargs; i++) {
    let current: PyObject | null;
    if (nkwargs) current = find(params[i]);
    else if (i >= reqlimit) break;
    else current = null;
    out[i] = current;
    if (current !== null) {
      nkwargs--;
    } else if (i < minpos || (maxpos <= i && i < reqlimit)) {
      throw PyErr_Format(
        PyExc_TypeError,
        `${fname}() missing required argument '${params[i]}' (pos ${i + 1})`,
      );
    }
  }
  if (nkwargs > 0) {
    for (let i = posonly; i < nargs; i++) {
      if (find(params[i]) !== null) {
        throw PyErr_Format(
          PyExc_TypeError,
          `argument for ${fname}() given by name ('${params[i]}') and position (${i + 1})`,
        );
      }
    }
    for (const k of names!) {
      const key = str(k);
      if (params.indexOf(key) < posonly) {
        throw PyErr_Format(
          PyExc_TypeError,
          `'${key}' is an invalid keyword argument for ${fname}()`,
        );
      }
    }
    throw PyErr_Format(PyExc_TypeError, `invalid keyword argument for ${fname}()`);
  }
  return out;
}

/** The number of keyword arguments of a vectorcall. */
export function kwCount(kwnames: PyObject | null): number {
  return kwnames === null ? 0 : kwnames.ob_item!.length;
}

/**
 * unpackKeywords for a tp_new or tp_init call: an argument tuple and a keyword dict (or
 * null), as Argument Clinic's parsers for __new__ and __init__ take them.
 */
export function unpackTupleDict(
  fname: string,
  params: readonly string[],
  args: PyObject,
  kwds: PyObject | null,
  minpos: number,
  maxpos: number,
  minkw: number,
  posonly = 0,
): (PyObject | null)[] {
  const pos = args.ob_item as PyObject[];
  if (kwds === null || kwds.ob_size === 0) {
    return unpackKeywords(fname, params, pos, 0, pos.length, null, minpos, maxpos, minkw, posonly);
  }
  const all: PyObject[] = pos.slice();
  const names: PyObject[] = [];
  dictForEach(kwds, (k, v) => {
    Py_INCREF(k);
    names.push(k);
    all.push(v);
  });
  const kwnames = PyTuple_FromArraySteal(names);
  try {
    return unpackKeywords(
      fname,
      params,
      all,
      0,
      pos.length,
      kwnames,
      minpos,
      maxpos,
      minkw,
      posonly,
    );
  } finally {
    Py_DECREF(kwnames);
  }
}

// ---- Argument Clinic's integer converters ------------------------------------------------------
// Each words its errors its own way, and CPython picks one per parameter: a Py_ssize_t
// parameter says "Python int too large to convert to C ssize_t", where PyNumber_AsSsize_t
// (sequence repetition, subscripts) says "cannot fit 'int' into an index-sized integer".

const INT_MAX = 2147483647;
const INT_MIN = -2147483648;

/** The value of an index (_PyNumber_Index: int, bool, or __index__) */
function indexValue(o: PyObject): number | bigint {
  if (o.ob_type === PyLong_Type || o.ob_type === PyBool_Type) return longValue(o);
  const i = PyNumber_Index(o);
  const v = longValue(i);
  Py_DECREF(i);
  return v;
}

/** A Py_ssize_t parameter: _PyNumber_Index, then PyLong_AsSsize_t */
export function ssizeArg(o: PyObject): number {
  const v = indexValue(o);
  if (typeof v === "number") return v;
  if (v >= SSIZE_MIN && v <= SSIZE_MAX) return Number(v);
  throw PyErr_Format(PyExc_OverflowError, "Python int too large to convert to C ssize_t");
}

/** An int parameter (also bool(accept={int})): _PyLong_AsInt */
export function intArg(o: PyObject): number {
  const v = indexValue(o);
  if (typeof v === "number" && v >= INT_MIN && v <= INT_MAX) return v;
  throw PyErr_Format(PyExc_OverflowError, "Python int too large to convert to C int");
}

/**
 * PyArg_ParseTuple's "i": PyLong_AsLong (through __index__), then C int's range, each
 * with its own wording
 */
export function getargsIntArg(o: PyObject): number {
  const v = indexValue(o);
  if (v < SSIZE_MIN || v > SSIZE_MAX) {
    throw PyErr_Format(PyExc_OverflowError, "Python int too large to convert to C long");
  }
  if (v > INT_MAX) {
    throw PyErr_Format(PyExc_OverflowError, "signed integer is greater than maximum");
  }
  if (v < INT_MIN) throw PyErr_Format(PyExc_OverflowError, "signed integer is less than minimum");
  return Number(v);
}

/**
 * A start or stop of index() (_PyEval_SliceIndexNotNone): clamped to Py_ssize_t's range,
 * None refused.
 */
export function sliceIndexNotNone(o: PyObject): number {
  if (!PyIndex_Check(o)) {
    throw PyErr_Format(
      PyExc_TypeError,
      "slice indices must be integers or have an __index__ method",
    );
  }
  return PyNumber_AsSsize_t(o, null);
}

/**
 * An optional Py_ssize_t (_Py_convert_optional_to_ssize_t): None gives -1, an index is
 * converted by PyNumber_AsSsize_t (OverflowError "cannot fit"), anything else refused.
 */
export function optionalSsize(o: PyObject): number {
  if (o === Py_None) return -1;
  if (!PyIndex_Check(o)) {
    throw PyErr_Format(
      PyExc_TypeError,
      `argument should be integer or None, not '${o.ob_type.tp_name}'`,
    );
  }
  return PyNumber_AsSsize_t(o, PyExc_OverflowError);
}

/** A `str` parameter (a C string): a str without NUL characters */
export function cStringArg(fname: string, display: string, o: PyObject): string {
  if (!PyUnicode_Check(o)) throw badArgument(fname, display, "str", o);
  const s = str(o);
  if (s.includes("\0")) throw PyErr_Format(PyExc_ValueError, "embedded null character");
  return s;
}
