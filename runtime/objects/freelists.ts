// The free lists of lists, dicts, floats and short tuples as CPython's start-up leaves them
// when a script's first line runs, and the topping-up that makes glasspy's the same. They
// decide whether a new object takes a freed one (which the collector does not count toward
// its threshold, and whose address comes back) or is allocated, so from the first line on
// gc.get_count() and id() reuse answer as CPython's do.

import { Py_DECREF, Py_None, type PyObject } from "./object.ts";
import { listFreeListCount, PyList_New } from "./listobject.ts";
import { dictFreeListCounts, PyDict_New } from "./dictobject.ts";
import { floatFreeListCount, PyFloat_FromDouble } from "./floatobject.ts";
import { PyTuple_FromArray, tupleFreeListCounts } from "./tupleobject.ts";

export interface FreeListState {
  lists: number;
  dicts: number;
  floats: number;
  /** Free tuples by length, 1 to 20. */
  tuples: readonly number[];
}

/**
 * CPython 3.11 as `python3 FILE.py` when the script starts: the free lists
 * sys._debugmallocstats() reports as a script's first lines (`import sys` before it), with
 * the interpreter that generated the conformance corpus.
 */
export const CPYTHON_SCRIPT_FREELISTS: FreeListState = {
  lists: 40,
  dicts: 8,
  floats: 4,
  tuples: [4, 8, 2, 2, 3, 0, 8, 6, 1, 0, 1, 3, 5, 1, 2, 2, 2, 3, 1, 6],
};

/**
 * Tops each free list up to `state` (a longer one is left as it is): as many objects as
 * wanted are made, which empties the list and allocates the rest, and all are freed again.
 */
export function fillFreeLists(state: FreeListState): void {
  topUp(state.lists, listFreeListCount(), () => PyList_New(0));
  topUp(state.dicts, dictFreeListCounts()[0], PyDict_New);
  topUp(state.floats, floatFreeListCount(), () => PyFloat_FromDouble(0));
  const tuples = tupleFreeListCounts();
  state.tuples.forEach((want, i) => {
    topUp(want, tuples[i], () => PyTuple_FromArray(new Array(i + 1).fill(Py_None)));
  });
}

function topUp(want: number, have: number, make: () => PyObject): void {
  if (have >= want) return;
  const made: PyObject[] = [];
  for (let i = 0; i < want; i++) made.push(make());
  for (const o of made) Py_DECREF(o);
}
