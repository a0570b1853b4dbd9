// Argument checking for built-in functions (Python/getargs.c, Argument Clinic's helpers):
// the positional-count and keyword checks with CPython's messages.

import { PyObject } from "./object.ts";
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
 * parameter order (null where not given). `posonly` leading parameters are positional-only,
 * `kwonly` trailing ones keyword-only. `fname` is the function name for messages.
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
  if (nargs > maxpos) {
    if (maxpos === 0) {
      throw PyErr_Format(
        PyExc_TypeError,
        `${fname}() takes no positional arguments`,
      );
    }
    throw PyErr_Format(
      PyExc_TypeError,
      `${fname}() takes ${minpos === maxpos ? "exactly" : "at most"} ${maxpos} ${
        maxpos === 1 ? "positional argument" : "positional arguments"
      } (${nargs} given)`,
    );
  }
  for (let i = 0; i < nargs; i++) out[i] = args[offset + i];
  if (kwnames !== null) {
    const names = kwnames.ob_item as PyObject[];
    for (let k = 0; k < names.length; k++) {
      const key = str(names[k]);
      const idx = params.indexOf(key);
      if (idx < 0 || idx < posonly) {
        if (idx >= 0 && idx < posonly) {
          throw PyErr_Format(
            PyExc_TypeError,
            `'${key}' is an invalid keyword argument for ${fname}()`,
          );
        }
        throw PyErr_Format(
          PyExc_TypeError,
          `'${key}' is an invalid keyword argument for ${fname}()`,
        );
      }
      if (out[idx] !== null) {
        throw PyErr_Format(
          PyExc_TypeError,
          `argument for ${fname}() given by name ('${key}') and position (${idx + 1})`,
        );
      }
      out[idx] = args[offset + nargs + k];
    }
  }
  let given = 0;
  for (let i = 0; i < params.length; i++) if (out[i] !== null) given++;
  if (given < minpos + minkw) {
    for (let i = 0; i < minpos + minkw && i < params.length; i++) {
      if (out[i] === null) {
        if (i < minpos && i < posonly) {
          throw PyErr_Format(
            PyExc_TypeError,
            `${fname}() missing required argument '${params[i]}' (pos ${i + 1})`,
          );
        }
        throw PyErr_Format(
          PyExc_TypeError,
          `${fname}() missing required argument '${params[i]}' (pos ${i + 1})`,
        );
      }
    }
  }
  return out;
}

/** The number of keyword arguments of a vectorcall. */
export function kwCount(kwnames: PyObject | null): number {
  return kwnames === null ? 0 : kwnames.ob_item!.length;
}
