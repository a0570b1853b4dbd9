// Struct sequences (Objects/structseq.c): tuples whose items also have names, as
// sys.version_info, sys.float_info and sys.flags. A struct sequence type is a static
// subclass of tuple with one read-only member per field.

import {
  newStaticType,
  Py_DECREF,
  Py_INCREF,
  Py_None,
  Py_TPFLAGS_TUPLE_SUBCLASS,
  PyObject,
  PyTuple_Type,
  type PyTypeObject,
} from "./object.ts";
import { PyType_Ready } from "./typeobject.ts";
import { tupledealloc, tupleSubtypeAlloc } from "./tupleobject.ts";
import { PyErr_Format } from "./errors.ts";
import { PyExc_TypeError } from "./exceptions.ts";
import { unpackTupleDict } from "./argparse.ts";
import { PySequence_Tuple } from "./abstract.ts";
import { dictGetStr, PyDict_Check } from "./dictobject.ts";
import { _Py_ID } from "./unicodeobject.ts";
import { PyUnicode_FromString } from "./unicodeobject.ts";
import { reprText } from "./objectops.ts";

/**
 * A new struct sequence type named `name` ("sys.version_info") with these fields. The
 * first `visible` fields are the tuple's items (len, indexing, repr); the others are
 * attributes only (struct_time's tm_zone and tm_gmtoff), kept in ob_data. With
 * `constructible`, Python code can make instances from a sequence (and a dict of the
 * attribute-only fields), as time.struct_time((...)).
 */
export function PyStructSequence_NewType(
  name: string,
  fields: readonly string[],
  doc = "",
  visible = fields.length,
  constructible = false,
): PyTypeObject {
  const t = newStaticType(name, 24 + 8 * fields.length, Py_TPFLAGS_TUPLE_SUBCLASS);
  t.tp_base = PyTuple_Type;
  t.tp_doc = doc;
  const field = (o: PyObject, i: number): PyObject =>
    i < visible ? (o.ob_item as PyObject[])[i] : (o.ob_data as PyObject[])[i - visible];
  t.tp_repr = (o: PyObject) => {
    const parts = fields.slice(0, visible).map((f, i) => `${f}=${reprText(field(o, i))}`);
    return PyUnicode_FromString(`${name}(${parts.join(", ")})`);
  };
  t.tp_new = constructible
    ? (type, args, kwds) => structseqNew(type, args, kwds, fields, visible)
    : null;
  t.tp_members = fields.map((f, i) => ({
    name: f,
    get: (o: PyObject) => {
      const v = field(o, i);
      Py_INCREF(v);
      return v;
    },
    set: null,
    doc: null,
  }));
  if (visible < fields.length) {
    t.tp_dealloc = (o: PyObject) => {
      const hidden = o.ob_data as PyObject[] | null;
      o.ob_data = null;
      if (hidden !== null) { for (const v of hidden) Py_DECREF(v); }
      tupledealloc(o);
    };
    t.tp_traverse = (o, visit, arg) => {
      for (const v of [...(o.ob_item as PyObject[]), ...((o.ob_data as PyObject[] | null) ?? [])]) {
        const r = visit(v, arg);
        if (r) return r;
      }
      return 0;
    };
  }
  PyType_Ready(t);
  return t;
}

/** structseq_new: type(sequence, dict=None), the dict giving the attribute-only fields. */
function structseqNew(
  type: PyTypeObject,
  args: PyObject,
  kwds: PyObject | null,
  fields: readonly string[],
  visible: number,
): PyObject {
  const [arg, dict] = unpackTupleDict(type.tp_name, ["sequence", "dict"], args, kwds, 1, 2, 0);
  const seq = PySequence_Tuple(arg!);
  try {
    const items = seq.ob_item as PyObject[];
    const n = items.length, max = fields.length;
    if (n < visible || n > max) {
      const what = visible === max
        ? `a ${visible}`
        : n < visible
        ? `an at least ${visible}`
        : `an at most ${max}`;
      throw PyErr_Format(
        PyExc_TypeError,
        `${type.tp_name}() takes ${what}-sequence (${n}-sequence given)`,
      );
    }
    if (dict !== null && dict !== Py_None && !PyDict_Check(dict)) {
      throw PyErr_Format(PyExc_TypeError, `${type.tp_name}() takes a dict as second arg, if any`);
    }
    const all = fields.map((f, i) => {
      let v: PyObject | null = i < n ? items[i] : null;
      if (v === null && dict !== null && dict !== Py_None) v = dictGetStr(dict, _Py_ID(f));
      v = v ?? Py_None;
      Py_INCREF(v);
      return v;
    });
    return PyStructSequence_New(type, all, visible);
  } finally {
    Py_DECREF(seq);
  }
}

/** A new instance of a struct sequence type; the items (all fields) are stolen. */
export function PyStructSequence_New(
  type: PyTypeObject,
  items: PyObject[],
  visible = items.length,
): PyObject {
  const o = tupleSubtypeAlloc(type, items.slice(0, visible));
  if (visible < items.length) o.ob_data = items.slice(visible);
  return o;
}
