// The _bisect module (Modules/_bisectmodule.c) and bisect (Lib/bisect.py's names for it):
// binary search over any sequence with __getitem__, comparing with < only, and insertion
// through list.insert (or the object's own insert method).

import {
  METH_FASTCALL,
  METH_KEYWORDS,
  Py_DECREF,
  Py_INCREF,
  Py_LT,
  Py_None,
  PyObject,
} from "../objects/object.ts";
import { PyErr_Format } from "../objects/errors.ts";
import { PyExc_ValueError } from "../objects/exceptions.ts";
import { PyObject_Size, PySequence_GetItem } from "../objects/abstract.ts";
import { PyObject_CallOneArg, PyObject_Vectorcall } from "../objects/call.ts";
import { PyObject_GetAttr, PyObject_RichCompareBool } from "../objects/objectops.ts";
import { list_insert, PyList_CheckExact } from "../objects/listobject.ts";
import { PyLong_FromNumber } from "../objects/longobject.ts";
import { _Py_ID } from "../objects/unicodeobject.ts";
import { optionalSsize, ssizeArg, unpackKeywords } from "../objects/argparse.ts";
import { registerBuiltinModule } from "./modsupport.ts";
import { registerFrozenModule } from "./frozen.ts";

type Args = (PyObject | null)[];
const params = ["a", "x", "lo", "hi", "key"] as const;

/** The insertion point for x in a[lo:hi]: after equal items (right) or before (left). */
function search(
  a: PyObject,
  x: PyObject,
  loArg: PyObject | null,
  hiArg: PyObject | null,
  key: PyObject | null,
  right: boolean,
): number {
  // Argument Clinic converts lo (Py_ssize_t) and hi (an optional Py_ssize_t, -1 for None)
  // before the search looks at either
  let lo = loArg === null ? 0 : ssizeArg(loArg);
  let hi = hiArg === null ? -1 : optionalSsize(hiArg);
  if (lo < 0) throw PyErr_Format(PyExc_ValueError, "lo must be non-negative");
  if (hi === -1) hi = PyObject_Size(a);
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    let item = PySequence_GetItem(a, mid);
    if (key !== null && key !== Py_None) {
      const k = PyObject_CallOneArg(key, item);
      Py_DECREF(item);
      item = k;
    }
    let goRight: boolean;
    try {
      goRight = right
        ? !PyObject_RichCompareBool(x, item, Py_LT)
        : PyObject_RichCompareBool(item, x, Py_LT);
    } finally {
      Py_DECREF(item);
    }
    if (goRight) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function bisectFunction(name: string, right: boolean) {
  return (_m: PyObject, args: Args, off: number, nargs: number, kwnames: PyObject | null) => {
    const [a, x, lo, hi, key] = unpackKeywords(name, params, args, off, nargs, kwnames, 2, 4, 0);
    return PyLong_FromNumber(search(a!, x!, lo, hi, key, right));
  };
}

function insortFunction(name: string, right: boolean) {
  return (_m: PyObject, args: Args, off: number, nargs: number, kwnames: PyObject | null) => {
    const [a, x, lo, hi, key] = unpackKeywords(name, params, args, off, nargs, kwnames, 2, 4, 0);
    let probe = x!;
    const keyed = key !== null && key !== Py_None;
    if (keyed) probe = PyObject_CallOneArg(key!, x!);
    let index: number;
    try {
      index = search(a!, probe, lo, hi, key, right);
    } finally {
      if (keyed) Py_DECREF(probe);
    }
    if (PyList_CheckExact(a!)) {
      list_insert(a!, index, x!);
    } else {
      const insert = PyObject_GetAttr(a!, _Py_ID("insert"));
      const i = PyLong_FromNumber(index);
      try {
        Py_DECREF(PyObject_Vectorcall(insert, [i, x!], 0, 2, null));
      } finally {
        Py_DECREF(insert);
        Py_DECREF(i);
      }
    }
    Py_INCREF(Py_None);
    return Py_None;
  };
}

const FK = METH_FASTCALL | METH_KEYWORDS;

registerBuiltinModule({
  name: "_bisect",
  doc: "Bisection algorithms.",
  methods: [
    { ml_name: "bisect_right", ml_meth: bisectFunction("bisect_right", true), ml_flags: FK },
    { ml_name: "insort_right", ml_meth: insortFunction("insort_right", true), ml_flags: FK },
    { ml_name: "bisect_left", ml_meth: bisectFunction("bisect_left", false), ml_flags: FK },
    { ml_name: "insort_left", ml_meth: insortFunction("insort_left", false), ml_flags: FK },
  ],
});

registerFrozenModule(
  "bisect",
  String.raw`"""Bisection algorithms over sorted sequences."""

from _bisect import bisect_left, bisect_right, insort_left, insort_right

# The plain names search and insert to the right of equal items.
bisect, insort = bisect_right, insort_right
`,
);
