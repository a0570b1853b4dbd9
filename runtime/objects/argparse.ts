// Argument checking for built-in functions (Python/getargs.c, Argument Clinic's helpers):
// the positional-count and keyword checks with CPython's messages.

import { Py_DECREF, Py_INCREF, PyObject } from "./object.ts";
import { dictForEach } from "./dictobject.ts";
import { PyTuple_FromArraySteal } from "./tupleobject.ts";
import { PyErr_Format } from "./errors.ts";
import { PyExc_TypeError } from "./exceptions.ts";
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
