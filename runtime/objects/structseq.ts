// Struct sequences (Objects/structseq.c): tuples whose items also have names, as
// sys.version_info, sys.float_info and sys.flags. A struct sequence type is a static
// subclass of tuple with one read-only member per field.

import {
  newStaticType,
  Py_TPFLAGS_TUPLE_SUBCLASS,
  PyObject,
  PyTuple_Type,
  type PyTypeObject,
} from "./object.ts";
import { PyType_Ready } from "./typeobject.ts";
import { tupleSubtypeAlloc } from "./tupleobject.ts";
import { PyUnicode_FromString } from "./unicodeobject.ts";
import { reprText } from "./objectops.ts";

/** A new struct sequence type named `name` ("sys.version_info") with these fields. */
export function PyStructSequence_NewType(
  name: string,
  fields: readonly string[],
  doc = "",
): PyTypeObject {
  const t = newStaticType(name, 24 + 8 * fields.length, Py_TPFLAGS_TUPLE_SUBCLASS);
  t.tp_base = PyTuple_Type;
  t.tp_doc = doc;
  t.tp_repr = (o: PyObject) => {
    const items = o.ob_item as PyObject[];
    const parts = fields.map((f, i) => `${f}=${reprText(items[i])}`);
    return PyUnicode_FromString(`${name}(${parts.join(", ")})`);
  };
  t.tp_new = null;
  t.tp_members = fields.map((f, i) => ({
    name: f,
    get: (o: PyObject) => {
      const v = (o.ob_item as PyObject[])[i];
      v.ob_refcnt++;
      return v;
    },
    set: null,
    doc: null,
  }));
  PyType_Ready(t);
  return t;
}

/** A new instance of a struct sequence type; the items are stolen. */
export function PyStructSequence_New(type: PyTypeObject, items: PyObject[]): PyObject {
  return tupleSubtypeAlloc(type, items);
}
