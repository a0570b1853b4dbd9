// cell (Objects/cellobject.c): the box a closure variable lives in.

import {
  newObject,
  Py_DECREF,
  Py_EQ,
  Py_False,
  Py_INCREF,
  Py_NotImplemented,
  Py_True,
  Py_XDECREF,
  PyCell_Type,
  PyObject,
  PyObject_GC_Del,
  PyObject_GC_Init,
  PyObject_GC_Track,
  PyObject_GC_UnTrack,
  type visitproc,
} from "./object.ts";
import { PyUnicode_FromString } from "./unicodeobject.ts";
import { addressOf } from "../memory/obmalloc.ts";
import { PyObject_RichCompare } from "./objectops.ts";

/** A cell keeps its content in ob_dict (null when empty). */
export interface PyCellObject extends PyObject {
  ob_dict: PyObject | null;
}

export function PyCell_Check(o: PyObject): boolean {
  return o.ob_type === PyCell_Type;
}

/** PyCell_New(obj): the cell takes a new reference to obj (which may be null). */
export function PyCell_New(obj: PyObject | null): PyObject {
  const op = newObject(PyCell_Type);
  PyObject_GC_Init(op, 24);
  if (obj !== null) Py_INCREF(obj);
  op.ob_dict = obj;
  PyObject_GC_Track(op);
  return op;
}

/** The cell's content, borrowed (PyCell_GET). */
export function PyCell_GET(cell: PyObject): PyObject | null {
  return cell.ob_dict;
}

/** PyCell_Set: stores a new reference to v, releasing the old content. */
export function PyCell_Set(cell: PyObject, v: PyObject | null): void {
  if (v !== null) Py_INCREF(v);
  const old = cell.ob_dict;
  cell.ob_dict = v;
  Py_XDECREF(old);
}

export function cell_dealloc(op: PyObject): void {
  PyObject_GC_UnTrack(op);
  const v = op.ob_dict;
  op.ob_dict = null;
  Py_XDECREF(v);
  PyObject_GC_Del(op);
}

export function cell_traverse(op: PyObject, visit: visitproc, arg: unknown): number {
  return op.ob_dict !== null ? visit(op.ob_dict, arg) : 0;
}

export function cell_clear(op: PyObject): boolean {
  const v = op.ob_dict;
  op.ob_dict = null;
  Py_XDECREF(v);
  return false;
}

export function cell_repr(op: PyObject): PyObject {
  const addr = "0x" + addressOf(op.ob_id).toString(16);
  const v = op.ob_dict;
  if (v === null) return PyUnicode_FromString(`<cell at ${addr}: empty>`);
  return PyUnicode_FromString(
    `<cell at ${addr}: ${v.ob_type.tp_name} object at 0x${addressOf(v.ob_id).toString(16)}>`,
  );
}

export function cell_richcompare(a: PyObject, b: PyObject, op: number): PyObject {
  if (a.ob_type !== PyCell_Type || b.ob_type !== PyCell_Type) {
    Py_INCREF(Py_NotImplemented);
    return Py_NotImplemented;
  }
  const x = a.ob_dict, y = b.ob_dict;
  if (x !== null && y !== null) return PyObject_RichCompare(x, y, op);
  // Empty cells order before full ones.
  const c = (x === null ? 0 : 1) - (y === null ? 0 : 1);
  const r = [c < 0, c <= 0, c === 0, c !== 0, c > 0, c >= 0][op] ? Py_True : Py_False;
  Py_INCREF(r);
  void Py_EQ;
  void Py_DECREF;
  return r;
}
