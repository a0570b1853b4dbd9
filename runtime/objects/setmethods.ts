// set and frozenset protocol slots and methods (Objects/setobject.c).

import {
  Py_DECREF,
  Py_EQ,
  Py_False,
  Py_INCREF,
  Py_NE,
  Py_None,
  Py_NotImplemented,
  Py_True,
  PyFrozenSet_Type,
  PyObject,
  PySet_Type,
  PyType_IsSubtype,
  type PyTypeObject,
} from "./object.ts";
import {
  make_new_set,
  makeNewSetBasetype,
  PyAnySet_Check,
  PyFrozenSet_New,
  PySet_Add,
  PySet_Check,
  PySet_Contains,
  PySet_Discard,
  type PySetObject,
  set_clear_internal,
  set_copy,
  set_difference,
  set_difference_update_internal,
  set_intersection,
  set_pop,
  set_symmetric_difference_update,
  set_update_internal,
  setItems,
  setSize,
  setSizeof,
} from "./setobject.ts";
import { PyErr_Format, PyErr_SetKeyError } from "./errors.ts";
import { PyExc_KeyError, PyExc_TypeError } from "./exceptions.ts";
import { Py_ReprEnter, Py_ReprLeave, PyObject_Repr, str } from "./objectops.ts";
import { PyUnicode_FromString } from "./unicodeobject.ts";
import { PyLong_FromNumber } from "./longobject.ts";
import { PyTuple_FromArray, PyTuple_FromArraySteal } from "./tupleobject.ts";
import { PyList_FromArray } from "./listobject.ts";
import { PySet_New } from "./setobject.ts";
import { PyIter_Next, PyObject_GetIter } from "./abstract.ts";
import { checkPositional } from "./argparse.ts";
import { _PyObject_LookupAttr } from "./objectops.ts";
import { _Py_ID } from "./unicodeobject.ts";
import { PyType_GenericAlloc } from "./typeobject.ts";

function none(): PyObject {
  Py_INCREF(Py_None);
  return Py_None;
}

function bool(b: boolean): PyObject {
  const r = b ? Py_True : Py_False;
  Py_INCREF(r);
  return r;
}

export function set_len(so: PyObject): number {
  return setSize(so);
}

export function set_contains(so: PyObject, key: PyObject): boolean {
  try {
    return PySet_Contains(so, key);
  } catch (e) {
    // An unhashable set is looked up as a frozenset (set_contains in setobject.c).
    if (e instanceof PyObject && e.ob_type === PyExc_TypeError && PySet_Check(key)) {
      Py_DECREF(e);
      const tmp = PyFrozenSet_New(key);
      try {
        return PySet_Contains(so, tmp);
      } finally {
        Py_DECREF(tmp);
      }
    }
    throw e;
  }
}

export function set_repr(so: PyObject): PyObject {
  const name = so.ob_type.tp_name;
  const items = setItems(so);
  if (items.length === 0) return PyUnicode_FromString(`${name}()`);
  if (Py_ReprEnter(so)) return PyUnicode_FromString(`${name}(...)`);
  try {
    const list = PyList_FromArray(items.slice());
    try {
      const r = PyObject_Repr(list);
      const body = str(r).slice(1, -1);
      Py_DECREF(r);
      if (so.ob_type === PySet_Type) return PyUnicode_FromString(`{${body}}`);
      return PyUnicode_FromString(`${name}({${body}})`);
    } finally {
      Py_DECREF(list);
    }
  } finally {
    Py_ReprLeave(so);
  }
}

export function set_add(so: PyObject, key: PyObject): PyObject {
  PySet_Add(so, key);
  return none();
}

export function set_discard(so: PyObject, key: PyObject): PyObject {
  try {
    PySet_Discard(so, key);
  } catch (e) {
    if (e instanceof PyObject && e.ob_type === PyExc_TypeError && PySet_Check(key)) {
      Py_DECREF(e);
      const tmp = PyFrozenSet_New(key);
      try {
        PySet_Discard(so, tmp);
      } finally {
        Py_DECREF(tmp);
      }
    } else throw e;
  }
  return none();
}

export function set_remove(so: PyObject, key: PyObject): PyObject {
  let found: boolean;
  try {
    found = PySet_Discard(so, key);
  } catch (e) {
    if (e instanceof PyObject && e.ob_type === PyExc_TypeError && PySet_Check(key)) {
      Py_DECREF(e);
      const tmp = PyFrozenSet_New(key);
      try {
        found = PySet_Discard(so, tmp);
      } finally {
        Py_DECREF(tmp);
      }
    } else throw e;
  }
  if (!found) throw PyErr_SetKeyError(key);
  return none();
}

export function set_pop_method(so: PyObject): PyObject {
  return set_pop(so);
}

export function set_clear(so: PyObject): PyObject {
  set_clear_internal(so);
  return none();
}

export function set_copy_method(so: PyObject): PyObject {
  if (so.ob_type === PyFrozenSet_Type) {
    Py_INCREF(so);
    return so;
  }
  return set_copy(so);
}

export function set_update(
  so: PyObject,
  args: (PyObject | null)[],
  off: number,
  nargs: number,
): PyObject {
  for (let i = 0; i < nargs; i++) set_update_internal(so, args[off + i]!);
  return none();
}

export function set_union(
  so: PyObject,
  args: (PyObject | null)[],
  off: number,
  nargs: number,
): PyObject {
  const result = set_copy(so);
  try {
    for (let i = 0; i < nargs; i++) {
      const other = args[off + i]!;
      if (other === so) continue;
      set_update_internal(result, other);
    }
  } catch (e) {
    Py_DECREF(result);
    throw e;
  }
  return result;
}

export function set_intersection_multi(
  so: PyObject,
  args: (PyObject | null)[],
  off: number,
  nargs: number,
): PyObject {
  if (nargs === 0) return set_copy(so);
  Py_INCREF(so);
  let result = so;
  for (let i = 0; i < nargs; i++) {
    try {
      const next = set_intersection(result, args[off + i]!);
      Py_DECREF(result);
      result = next;
    } catch (e) {
      Py_DECREF(result);
      throw e;
    }
  }
  return result;
}

export function set_intersection_update(
  so: PyObject,
  args: (PyObject | null)[],
  off: number,
  nargs: number,
): PyObject {
  const tmp = set_intersection_multi(so, args, off, nargs);
  swapBodies(so, tmp);
  Py_DECREF(tmp);
  return none();
}

/** set_swap_bodies */
function swapBodies(a: PyObject, b: PyObject): void {
  const ta = (a as PySetObject).ob_data, sa = (a as PySetObject).ob_size;
  (a as PySetObject).ob_data = (b as PySetObject).ob_data;
  (a as PySetObject).ob_size = (b as PySetObject).ob_size;
  (b as PySetObject).ob_data = ta;
  (b as PySetObject).ob_size = sa;
}

export function set_difference_multi(
  so: PyObject,
  args: (PyObject | null)[],
  off: number,
  nargs: number,
): PyObject {
  if (nargs === 0) return set_copy(so);
  const result = set_difference(so, args[off]!);
  try {
    for (let i = 1; i < nargs; i++) set_difference_update_internal(result, args[off + i]!);
  } catch (e) {
    Py_DECREF(result);
    throw e;
  }
  return result;
}

export function set_difference_update(
  so: PyObject,
  args: (PyObject | null)[],
  off: number,
  nargs: number,
): PyObject {
  for (let i = 0; i < nargs; i++) set_difference_update_internal(so, args[off + i]!);
  return none();
}

export function set_symmetric_difference(so: PyObject, other: PyObject): PyObject {
  const otherset = makeNewSetBasetype(so.ob_type);
  try {
    set_update_internal(otherset, other);
    set_symmetric_difference_update(otherset, so);
  } catch (e) {
    Py_DECREF(otherset);
    throw e;
  }
  return otherset;
}

export function set_symmetric_difference_update_method(so: PyObject, other: PyObject): PyObject {
  set_symmetric_difference_update(so, other);
  return none();
}

function toSet(other: PyObject): [PyObject, boolean] {
  if (PyAnySet_Check(other)) return [other, false];
  return [PySet_New(other), true];
}

export function set_issubset(so: PyObject, other: PyObject): PyObject {
  const [o, owned] = toSet(other);
  try {
    if (setSize(so) > setSize(o)) return bool(false);
    for (const k of setItems(so)) if (!PySet_Contains(o, k)) return bool(false);
    return bool(true);
  } finally {
    if (owned) Py_DECREF(o);
  }
}

export function set_issuperset(so: PyObject, other: PyObject): PyObject {
  if (PyAnySet_Check(other)) return set_issubset(other, so);
  const it = PyObject_GetIter(other);
  try {
    for (;;) {
      const k = PyIter_Next(it);
      if (k === null) break;
      try {
        if (!PySet_Contains(so, k)) return bool(false);
      } finally {
        Py_DECREF(k);
      }
    }
  } finally {
    Py_DECREF(it);
  }
  return bool(true);
}

export function set_isdisjoint(so: PyObject, other: PyObject): PyObject {
  if (so === other) return bool(setSize(so) === 0);
  if (PyAnySet_Check(other)) {
    let [a, b] = [so, other];
    if (setSize(b) > setSize(a)) [a, b] = [b, a];
    for (const k of setItems(b)) if (PySet_Contains(a, k)) return bool(false);
    return bool(true);
  }
  const it = PyObject_GetIter(other);
  try {
    for (;;) {
      const k = PyIter_Next(it);
      if (k === null) break;
      try {
        if (PySet_Contains(so, k)) return bool(false);
      } finally {
        Py_DECREF(k);
      }
    }
  } finally {
    Py_DECREF(it);
  }
  return bool(true);
}

function notImpl(): PyObject {
  Py_INCREF(Py_NotImplemented);
  return Py_NotImplemented;
}

export function set_sub(a: PyObject, b: PyObject): PyObject {
  if (!PyAnySet_Check(a) || !PyAnySet_Check(b)) return notImpl();
  return set_difference(a, b);
}
export function set_and(a: PyObject, b: PyObject): PyObject {
  if (!PyAnySet_Check(a) || !PyAnySet_Check(b)) return notImpl();
  return set_intersection(a, b);
}
export function set_or(a: PyObject, b: PyObject): PyObject {
  if (!PyAnySet_Check(a) || !PyAnySet_Check(b)) return notImpl();
  const r = set_copy(a);
  if (a !== b) set_update_internal(r, b);
  return r;
}
export function set_xor(a: PyObject, b: PyObject): PyObject {
  if (!PyAnySet_Check(a) || !PyAnySet_Check(b)) return notImpl();
  return set_symmetric_difference(a, b);
}
export function set_isub(a: PyObject, b: PyObject): PyObject {
  if (!PyAnySet_Check(b)) return notImpl();
  set_difference_update_internal(a, b);
  Py_INCREF(a);
  return a;
}
export function set_iand(a: PyObject, b: PyObject): PyObject {
  if (!PyAnySet_Check(b)) return notImpl();
  const tmp = set_intersection(a, b);
  swapBodies(a, tmp);
  Py_DECREF(tmp);
  Py_INCREF(a);
  return a;
}
export function set_ior(a: PyObject, b: PyObject): PyObject {
  if (!PyAnySet_Check(b)) return notImpl();
  set_update_internal(a, b);
  Py_INCREF(a);
  return a;
}
export function set_ixor(a: PyObject, b: PyObject): PyObject {
  if (!PyAnySet_Check(b)) return notImpl();
  set_symmetric_difference_update(a, b);
  Py_INCREF(a);
  return a;
}

export function set_richcompare(v: PyObject, w: PyObject, op: number): PyObject {
  if (!PyAnySet_Check(w)) return notImpl();
  const lv = setSize(v), lw = setSize(w);
  const sub = (a: PyObject, b: PyObject) => {
    for (const k of setItems(a)) if (!PySet_Contains(b, k)) return false;
    return true;
  };
  let r: boolean;
  switch (op) {
    case Py_EQ:
      r = lv === lw && sub(v, w);
      break;
    case Py_NE:
      r = !(lv === lw && sub(v, w));
      break;
    case 1:
      r = lv <= lw && sub(v, w);
      break;
    case 5:
      r = lv >= lw && sub(w, v);
      break;
    case 0:
      r = lv < lw && sub(v, w);
      break;
    default:
      r = lv > lw && sub(w, v);
  }
  return bool(r);
}

export function set_new(type: PyTypeObject, _args: PyObject, _kwds: PyObject | null): PyObject {
  return make_new_set(type);
}

export function set_init(self: PyObject, args: PyObject, kwds: PyObject | null): void {
  if (kwds !== null && kwds.ob_size > 0) {
    throw PyErr_Format(PyExc_TypeError, "set() takes no keyword arguments");
  }
  const a = args.ob_item as PyObject[];
  checkPositional("set", a.length, 0, 1);
  if (setSize(self) > 0) set_clear_internal(self);
  if (a.length) set_update_internal(self, a[0]);
}

export function set_vectorcall(
  type: PyObject,
  args: (PyObject | null)[],
  offset: number,
  nargs: number,
  kwnames: PyObject | null,
): PyObject {
  if (kwnames !== null && kwnames.ob_item!.length > 0) {
    throw PyErr_Format(PyExc_TypeError, "set() takes no keyword arguments");
  }
  checkPositional("set", nargs, 0, 1);
  const so = make_new_set(type as PyTypeObject);
  if (nargs) {
    try {
      set_update_internal(so, args[offset]!);
    } catch (e) {
      Py_DECREF(so);
      throw e;
    }
  }
  return so;
}

export function frozenset_new(type: PyTypeObject, args: PyObject, kwds: PyObject | null): PyObject {
  if (type === PyFrozenSet_Type && kwds !== null && kwds.ob_size > 0) {
    throw PyErr_Format(PyExc_TypeError, "frozenset() takes no keyword arguments");
  }
  const a = args.ob_item as PyObject[];
  checkPositional("frozenset", a.length, 0, 1);
  if (type === PyFrozenSet_Type && a.length && a[0].ob_type === PyFrozenSet_Type) {
    Py_INCREF(a[0]);
    return a[0];
  }
  const so = make_new_set(type);
  if (a.length) {
    try {
      set_update_internal(so, a[0]);
    } catch (e) {
      Py_DECREF(so);
      throw e;
    }
  }
  return so;
}

export function frozenset_vectorcall(
  type: PyObject,
  args: (PyObject | null)[],
  offset: number,
  nargs: number,
  kwnames: PyObject | null,
): PyObject {
  if (kwnames !== null && kwnames.ob_item!.length > 0) {
    throw PyErr_Format(PyExc_TypeError, "frozenset() takes no keyword arguments");
  }
  checkPositional("frozenset", nargs, 0, 1);
  if (nargs && args[offset]!.ob_type === PyFrozenSet_Type) {
    Py_INCREF(args[offset]!);
    return args[offset]!;
  }
  const so = make_new_set(type as PyTypeObject);
  if (nargs) {
    try {
      set_update_internal(so, args[offset]!);
    } catch (e) {
      Py_DECREF(so);
      throw e;
    }
  }
  return so;
}

export function set_sizeof(so: PyObject): PyObject {
  return PyLong_FromNumber(setSizeof(so));
}

export function set_reduce(so: PyObject): PyObject {
  const keys = PyList_FromArray(setItems(so).slice());
  const args = PyTuple_FromArraySteal([keys]);
  let state = _PyObject_LookupAttr(so, _Py_ID("__dict__"));
  if (state === null) {
    Py_INCREF(Py_None);
    state = Py_None;
  }
  Py_INCREF(so.ob_type);
  return PyTuple_FromArraySteal([so.ob_type, args, state]);
}

export { PyExc_KeyError, PySet_Type, PyTuple_FromArray, PyType_GenericAlloc, PyType_IsSubtype };
