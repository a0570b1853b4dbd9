// The complete owned references of the object types whose fields the heap audit's generic
// walk (audit.ts) would read wrong: borrowed pointers it must skip, or references kept
// outside the common fields. A type missing here is read by the generic walk.

import {
  Py_TPFLAGS_HEAPTYPE,
  PyAsyncGen_Type,
  PyCFunction_Type,
  PyCoro_Type,
  PyDict_Type,
  PyFrame_Type,
  PyFrozenSet_Type,
  PyGen_Type,
  PyObject,
  PySet_Type,
  PyTraceBack_Type,
  PyType_Type,
  PyTypeObject,
  PyWeakref_RefType,
} from "../objects/object.ts";
import { registerReferents } from "./audit.ts";
import { wrFields } from "./weakrefs.ts";
import type { DictKeys } from "../objects/dictobject.ts";
import type { CFunctionData } from "../objects/methodobject.ts";
import { dummy, type SetTable } from "../objects/setobject.ts";
import { PyWeakref_CallableProxyType, PyWeakref_ProxyType } from "../objects/weakrefobject.ts";

type Visit = (o: PyObject) => void;

function maybe(v: PyObject | null | undefined, visit: Visit): void {
  if (v !== null && v !== undefined) visit(v);
}

/** type objects: tp_dict, tp_mro, tp_bases; heap types also tp_base and the ht_* fields. */
registerReferents(PyType_Type, (o: PyObject, visit: Visit) => {
  const t = o as PyTypeObject;
  maybe(t.tp_dict, visit);
  maybe(t.tp_mro, visit);
  maybe(t.tp_bases, visit);
  if (t.tp_flags & Py_TPFLAGS_HEAPTYPE) maybe(t.tp_base, visit);
  const ht = t.ht;
  if (ht !== null) {
    maybe(ht.ht_name, visit);
    maybe(ht.ht_qualname, visit);
    maybe(ht.ht_slots, visit);
    maybe(ht.ht_module, visit);
    const k = ht.ht_cached_keys;
    if (k) { for (let i = 0; i < k.nentries; i++) maybe(k.keys[i], visit); }
  }
});

/** weakrefs: the callback only (the referent and the list neighbours are borrowed). */
registerReferents(PyWeakref_RefType, (o: PyObject, visit: Visit) => {
  maybe(wrFields(o).wr_callback, visit);
});

/** dict: the keys and values of its entries (DictKeys arrays). */
registerReferents(PyDict_Type, (o: PyObject, visit: Visit) => {
  const k = o.ob_data as DictKeys;
  for (let i = 0; i < k.nentries; i++) {
    maybe(k.keys[i], visit);
    maybe(k.values[i], visit);
  }
});

/** set, frozenset: the keys of the table (the dummy marks a deleted entry). */
for (const t of [PySet_Type, PyFrozenSet_Type]) {
  registerReferents(t, (o: PyObject, visit: Visit) => {
    const table = o.ob_data as SetTable;
    for (const key of table.keys) if (key !== null && key !== dummy) visit(key);
  });
}

/** Proxies: like refs, the callback only. */
for (const t of [PyWeakref_ProxyType, PyWeakref_CallableProxyType]) {
  registerReferents(t, (o: PyObject, visit: Visit) => maybe(wrFields(o).wr_callback, visit));
}

/**
 * Types whose tp_traverse already visits every reference they own (frames and generators
 * own their interpreter frame's contents, tracebacks their frame and next).
 */
for (
  const t of [PyFrame_Type, PyGen_Type, PyCoro_Type, PyAsyncGen_Type, PyTraceBack_Type]
) {
  registerReferents(t, (o: PyObject, visit: Visit) => {
    o.ob_type.tp_traverse!(o, (r: PyObject) => (visit(r), 0), null);
  });
}

/** builtin_function_or_method: m_self and m_module (the defining class is borrowed). */
registerReferents(PyCFunction_Type, (o: PyObject, visit: Visit) => {
  const d = o.ob_data as CFunctionData;
  maybe(d.self, visit);
  maybe(d.module, visit);
});
