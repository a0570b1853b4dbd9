// Binding call arguments to a new frame's locals (ceval.c initialize_locals) with
// CPython's messages for every way a call can go wrong.

import { CO } from "../compiler/code.ts";
import { Py_DECREF, Py_INCREF, PyObject } from "../objects/object.ts";
import { type CodeData } from "../objects/codeobject.ts";
import { funcData } from "../objects/funcobject.ts";
import { PyTuple_FromArraySteal, tuple_empty } from "../objects/tupleobject.ts";
import {
  dictGetStr,
  PyDict_GetItemWithError,
  PyDict_New,
  PyDict_SetItem,
} from "../objects/dictobject.ts";
import { PyErr_Format } from "../objects/errors.ts";
import { PyExc_TypeError } from "../objects/exceptions.ts";
import { PyUnicode_Check, type PyUnicodeObject } from "../objects/unicodeobject.ts";
import { reprText, str } from "../objects/objectops.ts";
import { PyObject_RichCompareBool } from "../objects/objectops.ts";
import { Py_EQ } from "../objects/object.ts";

/**
 * initialize_locals: binds args (references stolen: positional args at args[offset..],
 * then keyword values) into ls[base..]. On error every reference is released and a
 * TypeError is thrown; the caller clears the frame.
 */
export function initializeLocals(
  func: PyObject,
  co: CodeData,
  ls: (PyObject | null)[],
  base: number,
  args: (PyObject | null)[],
  offset: number,
  argcount: number,
  kwnames: PyObject | null,
): void {
  // The common case: exactly the positional parameters, nothing else.
  if (
    kwnames === null && argcount === co.co_argcount &&
    (co.co_flags & (CO.VARARGS | CO.VARKEYWORDS)) === 0 && co.co_kwonlyargcount === 0
  ) {
    for (let j = 0; j < argcount; j++) ls[base + j] = args[offset + j];
    return;
  }
  const fd = funcData(func);
  const totalArgs = co.co_argcount + co.co_kwonlyargcount;
  const flags = co.co_flags;
  let kwdict: PyObject | null = null;
  if (flags & CO.VARKEYWORDS) {
    kwdict = PyDict_New();
    let i = totalArgs;
    if (flags & CO.VARARGS) i++;
    ls[base + i] = kwdict;
  }
  const n = argcount > co.co_argcount ? co.co_argcount : argcount;
  for (let j = 0; j < n; j++) ls[base + j] = args[offset + j];
  if (flags & CO.VARARGS) {
    let u: PyObject;
    if (argcount === n) {
      Py_INCREF(tuple_empty);
      u = tuple_empty;
    } else {
      u = PyTuple_FromArraySteal(args.slice(offset + n, offset + argcount) as PyObject[]);
    }
    ls[base + totalArgs] = u;
  } else if (argcount > n) {
    for (let j = n; j < argcount; j++) Py_DECREF(args[offset + j]!);
  }
  if (kwnames !== null) {
    const names = kwnames.ob_item as PyObject[];
    const kwcount = names.length;
    const lpnames = co.co_localsplusnames.ob_item as PyObject[];
    for (let i = 0; i < kwcount; i++) {
      const keyword = names[i];
      const value = args[offset + argcount + i]!;
      if (!PyUnicode_Check(keyword)) {
        failKeyword(
          args,
          offset + argcount,
          i,
          kwcount,
          PyErr_Format(PyExc_TypeError, `${str(fd.qualname)}() keywords must be strings`),
        );
      }
      let j = co.co_posonlyargcount;
      let found = -1;
      for (; j < totalArgs; j++) {
        if (lpnames[j] === keyword) {
          found = j;
          break;
        }
      }
      if (found < 0) {
        const kwText = (keyword as PyUnicodeObject).ob_val;
        for (j = co.co_posonlyargcount; j < totalArgs; j++) {
          if (str(lpnames[j]) === kwText) {
            found = j;
            break;
          }
        }
      }
      if (found < 0) {
        if (kwdict === null) {
          if (co.co_posonlyargcount) {
            const conflicts: string[] = [];
            for (let k = 0; k < co.co_posonlyargcount; k++) {
              const posonly = lpnames[k];
              for (const kw of names) {
                if (kw === posonly || PyObject_RichCompareBool(posonly, kw, Py_EQ)) {
                  conflicts.push(str(kw));
                }
              }
            }
            if (conflicts.length) {
              failKeyword(
                args,
                offset + argcount,
                i,
                kwcount,
                PyErr_Format(
                  PyExc_TypeError,
                  `${
                    str(fd.qualname)
                  }() got some positional-only arguments passed as keyword arguments: '${
                    conflicts.join(", ")
                  }'`,
                ),
              );
            }
          }
          failKeyword(
            args,
            offset + argcount,
            i,
            kwcount,
            PyErr_Format(
              PyExc_TypeError,
              `${str(fd.qualname)}() got an unexpected keyword argument '${str(keyword)}'`,
            ),
          );
        }
        try {
          PyDict_SetItem(kwdict!, keyword, value);
        } catch (e) {
          failKeyword(args, offset + argcount, i, kwcount, e as PyObject);
        }
        Py_DECREF(value);
        continue;
      }
      if (ls[base + found] !== null) {
        failKeyword(
          args,
          offset + argcount,
          i,
          kwcount,
          PyErr_Format(
            PyExc_TypeError,
            `${str(fd.qualname)}() got multiple values for argument '${str(keyword)}'`,
          ),
        );
      }
      ls[base + found] = value;
    }
  }
  if (argcount > co.co_argcount && !(flags & CO.VARARGS)) {
    throw tooManyPositional(co, argcount, fd.defaults, ls, base, str(fd.qualname));
  }
  if (argcount < co.co_argcount) {
    const defcount = fd.defaults === null ? 0 : fd.defaults.ob_item!.length;
    const m = co.co_argcount - defcount;
    let missing = 0;
    for (let i = argcount; i < m; i++) if (ls[base + i] === null) missing++;
    if (missing) throw missingArguments(co, missing, defcount, ls, base, str(fd.qualname));
    let i = n > m ? n - m : 0;
    if (defcount) {
      const defs = fd.defaults!.ob_item as PyObject[];
      for (; i < defcount; i++) {
        if (ls[base + m + i] === null) {
          const def = defs[i];
          Py_INCREF(def);
          ls[base + m + i] = def;
        }
      }
    }
  }
  if (co.co_kwonlyargcount > 0) {
    let missing = 0;
    const lpnames = co.co_localsplusnames.ob_item as PyObject[];
    for (let i = co.co_argcount; i < totalArgs; i++) {
      if (ls[base + i] !== null) continue;
      const varname = lpnames[i];
      if (fd.kwdefaults !== null) {
        const def = dictGetStr(fd.kwdefaults, varname) ??
          PyDict_GetItemWithError(fd.kwdefaults, varname);
        if (def !== null) {
          Py_INCREF(def);
          ls[base + i] = def;
          continue;
        }
      }
      missing++;
    }
    if (missing) throw missingArguments(co, missing, -1, ls, base, str(fd.qualname));
  }
}

/** Releases the keyword values from the i-th on (not yet bound) and throws e. */
function failKeyword(
  args: (PyObject | null)[],
  kwAt: number,
  i: number,
  kwcount: number,
  e: PyObject,
): never {
  for (let k = i; k < kwcount; k++) Py_DECREF(args[kwAt + k]!);
  throw e;
}

function formatMissing(kind: string, names: string[], qualname: string): PyObject {
  const len = names.length;
  let nameStr: string;
  if (len === 1) nameStr = names[0];
  else if (len === 2) nameStr = `${names[0]} and ${names[1]}`;
  else nameStr = names.slice(0, -2).join(", ") + `, ${names[len - 2]}, and ${names[len - 1]}`;
  return PyErr_Format(
    PyExc_TypeError,
    `${qualname}() missing ${len} required ${kind} argument${len === 1 ? "" : "s"}: ${nameStr}`,
  );
}

function missingArguments(
  co: CodeData,
  _missing: number,
  defcount: number,
  ls: (PyObject | null)[],
  base: number,
  qualname: string,
): PyObject {
  const positional = defcount !== -1;
  const kind = positional ? "positional" : "keyword-only";
  const start = positional ? 0 : co.co_argcount;
  const end = positional ? co.co_argcount - defcount : co.co_argcount + co.co_kwonlyargcount;
  const lpnames = co.co_localsplusnames.ob_item as PyObject[];
  const names: string[] = [];
  for (let i = start; i < end; i++) if (ls[base + i] === null) names.push(reprText(lpnames[i]));
  return formatMissing(kind, names, qualname);
}

function tooManyPositional(
  co: CodeData,
  given: number,
  defaults: PyObject | null,
  ls: (PyObject | null)[],
  base: number,
  qualname: string,
): PyObject {
  const coArgcount = co.co_argcount;
  let kwonlyGiven = 0;
  for (let i = coArgcount; i < coArgcount + co.co_kwonlyargcount; i++) {
    if (ls[base + i] !== null) kwonlyGiven++;
  }
  const defcount = defaults === null ? 0 : defaults.ob_item!.length;
  let plural: boolean;
  let sig: string;
  if (defcount) {
    plural = true;
    sig = `from ${coArgcount - defcount} to ${coArgcount}`;
  } else {
    plural = coArgcount !== 1;
    sig = String(coArgcount);
  }
  const kwonlySig = kwonlyGiven
    ? ` positional argument${given !== 1 ? "s" : ""} (and ${kwonlyGiven} keyword-only argument${
      kwonlyGiven !== 1 ? "s" : ""
    })`
    : "";
  return PyErr_Format(
    PyExc_TypeError,
    `${qualname}() takes ${sig} positional argument${plural ? "s" : ""} but ${given}${kwonlySig} ${
      given === 1 && !kwonlyGiven ? "was" : "were"
    } given`,
  );
}
