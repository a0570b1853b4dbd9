// The _string module (Objects/unicodeobject.c's formatter helpers for Lib/string.py):
// formatter_parser(s), iterating (literal_text, field_name, format_spec, conversion) over a
// format string, and formatter_field_name_split(name), giving a field name's first part
// and an iterator of (is_attribute, key) for the rest — str.format's own parser
// (objects/formatmarkup.ts), for string.Formatter.

import {
  METH_O,
  newStaticType,
  Py_INCREF,
  Py_None,
  Py_TPFLAGS_HAVE_GC,
  Py_XDECREF,
  PyObject,
  PyObject_GC_UnTrack,
} from "../objects/object.ts";
import { PyErr_Format } from "../objects/errors.ts";
import { PyExc_TypeError } from "../objects/exceptions.ts";
import { FieldNameIterator, fieldNameSplit, MarkupIterator } from "../objects/formatmarkup.ts";
import { PyUnicode_Check, PyUnicode_FromString } from "../objects/unicodeobject.ts";
import { PyLong_FromNumber } from "../objects/longobject.ts";
import { PyTuple_FromArraySteal } from "../objects/tupleobject.ts";
import { PyObject_GenericGetAttr, PyObject_SelfIter, str } from "../objects/objectops.ts";
import { PyType_GenericAlloc, PyType_Ready } from "../objects/typeobject.ts";
import { PyBool_FromLong } from "../objects/object.ts";
import { registerBuiltinModule } from "./modsupport.ts";

function none(): PyObject {
  Py_INCREF(Py_None);
  return Py_None;
}

function textArg(o: PyObject): string {
  if (!PyUnicode_Check(o)) {
    throw PyErr_Format(PyExc_TypeError, `expected str, got ${o.ob_type.tp_name}`);
  }
  return str(o);
}

// The iterators keep a reference to their string in ob_item and the JS iterator in ob_data.
function iterType(name: string, next: (o: PyObject) => PyObject | null) {
  const t = newStaticType(name, 48, Py_TPFLAGS_HAVE_GC);
  t.tp_dealloc = (o) => {
    PyObject_GC_UnTrack(o);
    const s = o.ob_item?.[0] ?? null;
    o.ob_item = null;
    Py_XDECREF(s);
    o.ob_type.tp_free!(o);
  };
  t.tp_traverse = (o, visit, arg) => (o.ob_item?.[0] ? visit(o.ob_item[0], arg) : 0);
  t.tp_getattro = PyObject_GenericGetAttr;
  t.tp_iter = PyObject_SelfIter;
  t.tp_iternext = next;
  return t;
}

const formatterIterType = iterType("formatteriterator", (o) => {
  const piece = (o.ob_data as MarkupIterator).next();
  if (piece === null) return null;
  return PyTuple_FromArraySteal([
    PyUnicode_FromString(piece.literal),
    piece.fieldPresent ? PyUnicode_FromString(piece.fieldName) : none(),
    piece.fieldPresent ? PyUnicode_FromString(piece.formatSpec) : none(),
    piece.conversion === "" ? none() : PyUnicode_FromString(piece.conversion),
  ]);
});

const fieldNameIterType = iterType("fieldnameiterator", (o) => {
  const acc = (o.ob_data as FieldNameIterator).next();
  if (acc === null) return null;
  return PyTuple_FromArraySteal([
    PyBool_FromLong(acc.isAttribute),
    acc.index !== -1 ? PyLong_FromNumber(acc.index) : PyUnicode_FromString(acc.name),
  ]);
});

function formatter_parser(_m: PyObject, s: PyObject): PyObject {
  const it = PyType_GenericAlloc(formatterIterType, 0);
  Py_INCREF(s);
  it.ob_item = [s];
  it.ob_data = new MarkupIterator(textArg(s));
  return it;
}

function formatter_field_name_split(_m: PyObject, s: PyObject): PyObject {
  const { first, index, rest } = fieldNameSplit(textArg(s));
  const it = PyType_GenericAlloc(fieldNameIterType, 0);
  Py_INCREF(s);
  it.ob_item = [s];
  it.ob_data = rest;
  return PyTuple_FromArraySteal([
    index !== -1 ? PyLong_FromNumber(index) : PyUnicode_FromString(first),
    it,
  ]);
}

registerBuiltinModule({
  name: "_string",
  doc: "string helper module",
  methods: [
    {
      ml_name: "formatter_field_name_split",
      ml_meth: formatter_field_name_split,
      ml_flags: METH_O,
    },
    { ml_name: "formatter_parser", ml_meth: formatter_parser, ml_flags: METH_O },
  ],
  exec() {
    PyType_Ready(formatterIterType);
    PyType_Ready(fieldNameIterType);
  },
});
