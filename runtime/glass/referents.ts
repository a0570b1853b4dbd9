// What an object refers to, with the name each reference has in Python: an index of a
// list or tuple, a key of a dict, an attribute of an instance (from its inline values or
// its __dict__), the parts of functions, methods, cells and classes. References that only
// the type's tp_traverse reveals are listed too, without a name. Nothing here runs Python
// code or changes a reference count.

import { PyObject, PyTypeObject } from "../objects/object.ts";
import { PyList_Check } from "../objects/listobject.ts";
import { PyTuple_Check } from "../objects/tupleobject.ts";
import { slotValues } from "../objects/slots.ts";
import { dictForEach, PyDict_Check } from "../objects/dictobject.ts";
import { PyAnySet_Check, setItems } from "../objects/setobject.ts";
import { PyCell_Check, PyCell_GET } from "../objects/cellobject.ts";
import { funcData, PyFunction_Check } from "../objects/funcobject.ts";
import {
  PyMethod_Check,
  PyMethod_GET_FUNCTION,
  PyMethod_GET_SELF,
} from "../objects/classobject.ts";
import { PyModule_Check } from "../objects/moduleobject.ts";
import { valuesOrder } from "../objects/inlinevalues.ts";
import { PyUnicode_Type } from "../objects/object.ts";
import { strRepr } from "../objects/strrepr.ts";
import { shortValue } from "./objectinfo.ts";
import { GenData } from "../vm/genobject.ts";

/** One reference: its name in Python ("" when only tp_traverse knows it) and its target. */
export interface Reference {
  label: string;
  target: PyObject;
}

function keyLabel(key: PyObject): string {
  if (key.ob_type === PyUnicode_Type) return `[${strRepr(key.ob_val as string)}]`;
  const v = shortValue(key, 30);
  return v === null ? `[<${key.ob_type.tp_name}>]` : `[${v}]`;
}

function attrName(key: PyObject | null): string {
  return key !== null && key.ob_type === PyUnicode_Type ? "." + (key.ob_val as string) : ".?";
}

/** The references of o, named where Python has a name for them. */
export function referentsOf(o: PyObject): Reference[] {
  const out: Reference[] = [];
  const add = (label: string, target: PyObject | null) => {
    if (target !== null) out.push({ label, target });
  };
  if (PyList_Check(o) || PyTuple_Check(o)) {
    (o.ob_item as (PyObject | null)[]).forEach((x, i) => add(`[${i}]`, x));
  } else if (PyDict_Check(o)) {
    dictForEach(o, (k, v) => {
      // str keys are shown in the label; other keys are objects worth a look of their own
      if (k.ob_type !== PyUnicode_Type) add("key", k);
      add(keyLabel(k), v);
    });
  } else if (PyAnySet_Check(o)) {
    for (const x of setItems(o)) add("\u2208", x);
  } else if (PyCell_Check(o)) {
    add("cell_contents", PyCell_GET(o));
  } else if (PyMethod_Check(o)) {
    add("__func__", PyMethod_GET_FUNCTION(o));
    add("__self__", PyMethod_GET_SELF(o));
  } else if (PyFunction_Check(o)) {
    const f = funcData(o);
    add("__code__", f.code);
    add("__globals__", f.globals);
    add("__defaults__", f.defaults);
    add("__kwdefaults__", f.kwdefaults);
    add("__closure__", f.closure);
    add("__dict__", o.ob_dict);
  } else if (o instanceof PyTypeObject) {
    add("__dict__", o.tp_dict);
    add("__bases__", o.tp_bases);
    add("__mro__", o.tp_mro);
  } else if (PyModule_Check(o)) {
    add("__dict__", o.ob_dict);
  } else if (o.ob_data instanceof GenData) {
    // a generator, coroutine or async generator: one edge for each attribute, even when
    // __name__ and __qualname__ are the same str (they are for a function at module level)
    add("gi_code", o.ob_data.code);
    add("__name__", o.ob_data.name);
    add("__qualname__", o.ob_data.qualname);
  } else {
    // an instance: its attributes, then the class (heap types are referenced by instances)
    const values = o.ob_values;
    if (values !== null) {
      const keys = o.ob_type.ht?.ht_cached_keys ?? null;
      for (const ix of valuesOrder(values)) {
        add(attrName(keys === null ? null : keys.keys[ix]), values[ix]);
      }
    }
    add("__dict__", o.ob_dict);
    const slots = slotValues(o);
    const names = o.ob_type.ht?.ht_slots?.ob_item ?? null;
    if (slots.length > 0) {
      slots.forEach((x, i) => {
        const name = names !== null && names.length === slots.length ? names[i] : null;
        add(name === null ? `slot ${i}` : attrName(name), x);
      });
    }
  }
  // whatever else tp_traverse visits (the class of an instance, a generator's frame...)
  const traverse = o.ob_type.tp_traverse;
  if (traverse !== null) {
    const known = new Set(out.map((r) => r.target));
    const extra: PyObject[] = [];
    traverse(o, (x: PyObject) => {
      if (!known.has(x)) {
        known.add(x);
        extra.push(x);
      }
      return 0;
    }, null);
    for (const x of extra) add(x === o.ob_type ? "__class__" : "", x);
  }
  return out;
}
