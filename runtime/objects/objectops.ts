// The generic object operations of Objects/object.c: repr, str, rich comparison, hash,
// truth, generic attribute access, method lookup for LOAD_METHOD, and the recursion
// checks these operations make.

import {
  _Py_DECREF_NO_DEALLOC,
  Py_DECREF,
  Py_EQ,
  Py_False,
  Py_GE,
  Py_GT,
  Py_INCREF,
  Py_LE,
  Py_LT,
  Py_NE,
  Py_None,
  Py_NotImplemented,
  Py_TPFLAGS_HEAPTYPE,
  Py_TPFLAGS_METHOD_DESCRIPTOR,
  Py_True,
  Py_XDECREF,
  PyBool_Type,
  PyDict_Type,
  PyFloat_Type,
  PyLong_Type,
  PyNone_Type,
  PyObject,
  PyType_IsSubtype,
  type PyTypeObject,
  PyUnicode_Type,
} from "./object.ts";
import { PyErr_Format } from "./errors.ts";
import {
  excData,
  PyExc_AttributeError,
  PyExc_RecursionError,
  PyExc_SystemError,
  PyExc_TypeError,
} from "./exceptions.ts";
import { tstate } from "./pystate.ts";
import {
  _Py_ID,
  PyUnicode_Check,
  PyUnicode_FromString,
  PyUnicode_InternFromString,
  type PyUnicodeObject,
} from "./unicodeobject.ts";
import { strRepr } from "./strrepr.ts";
import { Hash, hashPointer } from "./pyhash.ts";
import { addressOf } from "../memory/obmalloc.ts";
import { stackGuard, stackReserveLeft } from "./stackguard.ts";
import { _PyType_Lookup } from "./typeobject.ts";
import {
  _PyObject_GetInstanceAttribute,
  _PyObject_StoreInstanceAttribute,
  materializeDict,
} from "./inlinevalues.ts";
import {
  dictGetStr,
  PyDict_Check,
  PyDict_DelItem,
  PyDict_GetItemWithError,
  PyDict_New,
  PyDict_SetItem,
} from "./dictobject.ts";
import {
  long_bool,
  long_to_decimal_string,
  PyLong_Check,
  richCompareValues,
} from "./longobject.ts";

/** The JavaScript text of a str object (borrowed). */
export function str(o: PyObject): string {
  return (o as PyUnicodeObject).ob_val;
}

// ---- recursion --------------------------------------------------------------------------------

/**
 * _Py_EnterRecursiveCall: throws RecursionError when the budget is spent, or when the
 * JavaScript stack's reserve is (stackguard.ts: checked only past stack_check_remaining).
 */
export function Py_EnterRecursiveCall(where: string): void {
  if (--tstate.recursion_remaining < tstate.stack_check_remaining) checkRecursiveCall(where);
}

export function Py_LeaveRecursiveCall(): void {
  tstate.recursion_remaining++;
}

/**
 * tstate.stack_check_remaining for the recursion limit and the stack guard's safe depth:
 * the recursion budget below which entering a level checks the JavaScript stack.
 */
export function updateStackCheck(): void {
  tstate.stack_check_remaining = Math.max(0, tstate.recursion_limit - stackGuard.safeDepth);
}

/**
 * _Py_CheckRecursiveCall, after the budget was decremented: RecursionError past the limit,
 * and also (stackguard.ts) when the JavaScript stack's reserve is reached first.
 */
export function checkRecursiveCall(where: string): void {
  if (tstate.recursion_remaining >= 0) {
    // within the limit: called for the stack check
    if (tstate.recursion_headroom) return;
    const depth = tstate.recursion_limit - tstate.recursion_remaining;
    if (depth <= stackGuard.safeDepth) return;
    const left = stackReserveLeft(depth);
    updateStackCheck();
    if (left) return;
    // (with CPython's plainest wording: which place finds the reserve gone first depends
    // on how V8 has compiled the code so far, and the message must not)
    raiseRecursionError("");
  }
  const depth = tstate.recursion_limit - tstate.recursion_remaining;
  if (tstate.recursion_headroom) {
    if (tstate.recursion_remaining < -50) {
      // CPython aborts here ("Cannot recover from stack overflow"); glasspy raises.
      tstate.recursion_remaining++;
      throw PyErr_Format(PyExc_RecursionError, "maximum recursion depth exceeded" + where);
    }
    return;
  }
  if (depth >= tstate.recursion_limit && tstate.recursion_remaining <= 0) {
    raiseRecursionError(where);
  }
}

/**
 * Throws RecursionError for the level just entered (whose budget it gives back), made with
 * the headroom CPython gives while the exception is created.
 */
function raiseRecursionError(where: string): never {
  tstate.recursion_headroom++;
  let exc: PyObject;
  try {
    exc = PyErr_Format(PyExc_RecursionError, "maximum recursion depth exceeded" + where);
  } finally {
    tstate.recursion_headroom--;
  }
  tstate.recursion_remaining++;
  throw exc;
}

// ---- repr and str -------------------------------------------------------------------------------

/** The default repr: <module.Name object at 0x...>. */
export function object_repr(self: PyObject): PyObject {
  const type = self.ob_type;
  let mod: string | null = typeModuleName(type);
  if (mod === "builtins") mod = null;
  const name = typeQualName(type);
  const addr = "0x" + addressOf(self.ob_id).toString(16);
  return PyUnicode_FromString(
    mod !== null ? `<${mod}.${name} object at ${addr}>` : `<${name} object at ${addr}>`,
  );
}

/** type.__module__ as a string, or null. */
export function typeModuleName(type: PyTypeObject): string | null {
  if (type.tp_flags & Py_TPFLAGS_HEAPTYPE) {
    const m = type.tp_dict !== null ? dictGetStr(type.tp_dict, _Py_ID("__module__")) : null;
    if (m !== null && PyUnicode_Check(m)) return str(m);
    return null;
  }
  const dot = type.tp_name.lastIndexOf(".");
  return dot >= 0 ? type.tp_name.slice(0, dot) : "builtins";
}

/** type.__qualname__ */
export function typeQualName(type: PyTypeObject): string {
  if (type.ht !== null) return str(type.ht.ht_qualname);
  const dot = type.tp_name.lastIndexOf(".");
  return dot >= 0 ? type.tp_name.slice(dot + 1) : type.tp_name;
}

/** type.__name__ */
export function typeName(type: PyTypeObject): string {
  if (type.ht !== null) return str(type.ht.ht_name);
  const dot = type.tp_name.lastIndexOf(".");
  return dot >= 0 ? type.tp_name.slice(dot + 1) : type.tp_name;
}

export function PyObject_Repr(v: PyObject): PyObject {
  const f = v.ob_type.tp_repr;
  if (f === null) return object_repr(v);
  Py_EnterRecursiveCall(" while getting the repr of an object");
  let res: PyObject;
  try {
    res = f(v);
  } finally {
    Py_LeaveRecursiveCall();
  }
  if (!PyUnicode_Check(res)) {
    const t = res.ob_type.tp_name;
    Py_DECREF(res);
    throw PyErr_Format(PyExc_TypeError, `__repr__ returned non-string (type ${t})`);
  }
  return res;
}

export function PyObject_Str(v: PyObject): PyObject {
  if (v.ob_type === PyUnicode_Type) {
    Py_INCREF(v);
    return v;
  }
  // An exact int: object_str calls long_repr through PyObject_Repr, two recursion guards
  // that cannot fail with two calls of room left.
  if (v.ob_type === PyLong_Type && tstate.recursion_remaining >= 2) {
    return long_to_decimal_string(v);
  }
  const f = v.ob_type.tp_str;
  if (f === null) return PyObject_Repr(v);
  Py_EnterRecursiveCall(" while getting the str of an object");
  let res: PyObject;
  try {
    res = f(v);
  } finally {
    Py_LeaveRecursiveCall();
  }
  if (!PyUnicode_Check(res)) {
    const t = res.ob_type.tp_name;
    Py_DECREF(res);
    throw PyErr_Format(PyExc_TypeError, `__str__ returned non-string (type ${t})`);
  }
  return res;
}

/** repr(v) as JavaScript text. */
export function reprText(v: PyObject): string {
  const r = PyObject_Repr(v);
  const s = str(r);
  Py_DECREF(r);
  return s;
}

/** str(v) as JavaScript text. */
export function strText(v: PyObject): string {
  const r = PyObject_Str(v);
  const s = str(r);
  Py_DECREF(r);
  return s;
}

/** PyObject_ASCII: repr with non-ASCII escaped. */
export function PyObject_ASCII(v: PyObject): PyObject {
  const r = PyObject_Repr(v);
  const s = str(r);
  Py_DECREF(r);
  let out = "";
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 128) out += ch;
    else if (cp < 256) out += "\\x" + cp.toString(16).padStart(2, "0");
    else if (cp < 65536) out += "\\u" + cp.toString(16).padStart(4, "0");
    else out += "\\U" + cp.toString(16).padStart(8, "0");
  }
  return PyUnicode_FromString(out);
}

/** unicode_repr: repr of a str object. */
export function unicode_repr(o: PyObject): PyObject {
  return PyUnicode_FromString(strRepr(str(o)));
}

/** The objects whose repr is being computed (Py_ReprEnter / Py_ReprLeave). */
const reprStack: PyObject[] = [];

export function Py_ReprEnter(o: PyObject): boolean {
  for (let i = reprStack.length - 1; i >= 0; i--) if (reprStack[i] === o) return true;
  reprStack.push(o);
  return false;
}

export function Py_ReprLeave(o: PyObject): void {
  for (let i = reprStack.length - 1; i >= 0; i--) {
    if (reprStack[i] === o) {
      reprStack.splice(i, 1);
      return;
    }
  }
}

// ---- comparison -------------------------------------------------------------------------------

export const _Py_SwappedOp = [Py_GT, Py_GE, Py_EQ, Py_NE, Py_LT, Py_LE];
const opstrings = ["<", "<=", "==", "!=", ">", ">="];

function do_richcompare(v: PyObject, w: PyObject, op: number): PyObject {
  let checkedReverse = false;
  const vt = v.ob_type, wt = w.ob_type;
  if (vt !== wt && PyType_IsSubtype(wt, vt) && wt.tp_richcompare !== null) {
    checkedReverse = true;
    const res = wt.tp_richcompare(w, v, _Py_SwappedOp[op]);
    if (res !== Py_NotImplemented) return res;
    Py_DECREF(res);
  }
  if (vt.tp_richcompare !== null) {
    const res = vt.tp_richcompare(v, w, op);
    if (res !== Py_NotImplemented) return res;
    Py_DECREF(res);
  }
  if (!checkedReverse && wt.tp_richcompare !== null) {
    const res = wt.tp_richcompare(w, v, _Py_SwappedOp[op]);
    if (res !== Py_NotImplemented) return res;
    Py_DECREF(res);
  }
  let res: PyObject;
  switch (op) {
    case Py_EQ:
      res = v === w ? Py_True : Py_False;
      break;
    case Py_NE:
      res = v !== w ? Py_True : Py_False;
      break;
    default:
      throw PyErr_Format(
        PyExc_TypeError,
        `'${opstrings[op]}' not supported between instances of '${vt.tp_name}' and '${wt.tp_name}'`,
      );
  }
  Py_INCREF(res);
  return res;
}

export function PyObject_RichCompare(v: PyObject, w: PyObject, op: number): PyObject {
  Py_EnterRecursiveCall(" in comparison");
  try {
    return do_richcompare(v, w, op);
  } finally {
    Py_LeaveRecursiveCall();
  }
}

/** PyObject_RichCompareBool: identity implies equality for == and !=. */
export function PyObject_RichCompareBool(v: PyObject, w: PyObject, op: number): boolean {
  if (v === w) {
    if (op === Py_EQ) return true;
    if (op === Py_NE) return false;
  }
  // Two exact ints or two exact floats: long_richcompare / float_richcompare answer
  // without side effects, so while the recursion budget is not spent (Py_EnterRecursiveCall
  // would pass) the values are compared here.
  const vt = v.ob_type;
  if (
    vt === w.ob_type && (vt === PyLong_Type || vt === PyFloat_Type) &&
    tstate.recursion_remaining > 0
  ) {
    return richCompareValues(v.ob_val as number | bigint, w.ob_val as number | bigint, op);
  }
  const res = PyObject_RichCompare(v, w, op);
  if (res === Py_True) {
    _Py_DECREF_NO_DEALLOC(res);
    return true;
  }
  if (res === Py_False) {
    _Py_DECREF_NO_DEALLOC(res);
    return false;
  }
  try {
    return PyObject_IsTrue(res);
  } finally {
    Py_DECREF(res);
  }
}

// ---- hashing ---------------------------------------------------------------------------------

/** PyObject_HashNotImplemented: TypeError unhashable type. */
export function PyObject_HashNotImplemented(v: PyObject): number {
  throw PyErr_Format(PyExc_TypeError, `unhashable type: '${v.ob_type.tp_name}'`);
}

/** PyObject_Hash: the low 32 bits; the high ones in Hash.hi. */
export function PyObject_Hash(v: PyObject): number {
  const f = v.ob_type.tp_hash;
  if (f !== null) return f(v);
  return PyObject_HashNotImplemented(v);
}

/** _Py_HashPointer of the object: object.__hash__. */
export function object_hash(v: PyObject): number {
  return hashPointer(addressOf(v.ob_id));
}

export { Hash };

// ---- truth ------------------------------------------------------------------------------------

/** PyObject_IsTrue */
export function PyObject_IsTrue(v: PyObject): boolean {
  if (v === Py_True) return true;
  if (v === Py_False || v === Py_None) return false;
  const t = v.ob_type;
  if (t.nb_bool !== null) return t.nb_bool(v);
  if (t.mp_length !== null) return t.mp_length(v) !== 0;
  if (t.sq_length !== null) return t.sq_length(v) !== 0;
  return true;
}

export function PyObject_Not(v: PyObject): boolean {
  return !PyObject_IsTrue(v);
}

// ---- attributes -------------------------------------------------------------------------------

function checkName(name: PyObject): void {
  if (!PyUnicode_Check(name)) {
    throw PyErr_Format(
      PyExc_TypeError,
      `attribute name must be string, not '${name.ob_type.tp_name}'`,
    );
  }
}

/** set_attribute_error_context: records name and obj on a fresh AttributeError. */
function setAttributeErrorContext(e: unknown, v: PyObject, name: PyObject): void {
  if (!(e instanceof PyObject) || !PyType_IsSubtype(e.ob_type, PyExc_AttributeError)) return;
  const d = excData(e);
  if (d.name !== null || d.obj !== null) return;
  Py_INCREF(name);
  d.name = name;
  Py_INCREF(v);
  d.obj = v;
}

/** PyObject_GetAttr: a new reference, or AttributeError (with name and obj recorded). */
export function PyObject_GetAttr(v: PyObject, name: PyObject): PyObject {
  const f = v.ob_type.tp_getattro;
  if (f === null) {
    checkName(name);
    throw PyErr_Format(
      PyExc_AttributeError,
      `'${v.ob_type.tp_name}' object has no attribute '${str(name)}'`,
    );
  }
  try {
    return f(v, name);
  } catch (e) {
    setAttributeErrorContext(e, v, name);
    throw e;
  }
}

export function PyObject_GetAttrString(v: PyObject, name: string): PyObject {
  return PyObject_GetAttr(v, _Py_ID(name));
}

/** _PyObject_LookupAttr: the attribute (new reference), or null when AttributeError. */
export function _PyObject_LookupAttr(v: PyObject, name: PyObject): PyObject | null {
  const tp = v.ob_type;
  if (tp.tp_getattro === PyObject_GenericGetAttr) {
    return genericGetAttrWithDict(v, name, null, true);
  }
  try {
    return PyObject_GetAttr(v, name);
  } catch (e) {
    if (e instanceof PyObject && PyType_IsSubtype(e.ob_type, PyExc_AttributeError)) {
      Py_DECREF(e);
      return null;
    }
    throw e;
  }
}

export function PyObject_HasAttr(v: PyObject, name: PyObject): boolean {
  const r = _PyObject_LookupAttr(v, name);
  if (r === null) return false;
  Py_DECREF(r);
  return true;
}

export function PyObject_SetAttr(v: PyObject, name: PyObject, value: PyObject | null): void {
  checkName(name);
  const tp = v.ob_type;
  Py_INCREF(name);
  try {
    if (tp.tp_setattro !== null) {
      tp.tp_setattro(v, name, value);
      return;
    }
    if (tp.tp_getattro === null) {
      throw PyErr_Format(
        PyExc_TypeError,
        `'${tp.tp_name}' object has no attributes (${value === null ? "del" : "assign to"} .${
          str(name)
        })`,
      );
    }
    throw PyErr_Format(
      PyExc_TypeError,
      `'${tp.tp_name}' object has only read-only attributes (${
        value === null ? "del" : "assign to"
      } .${str(name)})`,
    );
  } finally {
    Py_DECREF(name);
  }
}

export function PyObject_SetAttrString(v: PyObject, name: string, value: PyObject | null): void {
  PyObject_SetAttr(v, _Py_ID(name), value);
}

/** Whether the type's instances carry a __dict__ (tp_dictoffset != 0). */
export function hasInstanceDict(tp: PyTypeObject): boolean {
  return tp.tp_dictoffset !== 0;
}

/** PyDescr_IsData: the descriptor defines __set__. */
export function PyDescr_IsData(d: PyObject): boolean {
  return d.ob_type.tp_descr_set !== null;
}

/**
 * _PyObject_GenericGetAttrWithDict: data descriptors on the type, then the instance dict,
 * then other descriptors and class attributes. With suppress, a missing attribute
 * returns null instead of raising.
 */
export function genericGetAttrWithDict(
  obj: PyObject,
  name: PyObject,
  dict: PyObject | null,
  suppress: boolean,
): PyObject | null {
  const tp = obj.ob_type;
  const descr = _PyType_Lookup(tp, name);
  let f = null;
  if (descr !== null) {
    Py_INCREF(descr);
    f = descr.ob_type.tp_descr_get;
    if (f !== null && descr.ob_type.tp_descr_set !== null) {
      try {
        return f(descr, obj, tp);
      } catch (e) {
        if (
          suppress && e instanceof PyObject && PyType_IsSubtype(e.ob_type, PyExc_AttributeError)
        ) {
          Py_DECREF(e);
          return null;
        }
        throw e;
      } finally {
        Py_DECREF(descr);
      }
    }
  }
  // Only types with an instance dict keep one in ob_dict (iterators and cells use the field).
  if (dict === null && obj.ob_type.tp_dictoffset !== 0) {
    const values = obj.ob_values;
    if (values !== null) {
      // A managed dict not made yet: the attribute is in the values (or it is not there).
      if (name.ob_type === PyUnicode_Type) {
        const res = _PyObject_GetInstanceAttribute(obj, values, name);
        if (res !== null) {
          Py_INCREF(res);
          Py_XDECREF(descr);
          return res;
        }
      } else dict = materializeDict(obj);
    } else dict = obj.ob_dict;
  }
  if (dict !== null) {
    Py_INCREF(dict);
    let res: PyObject | null;
    try {
      res = name.ob_type === PyUnicode_Type && dict.ob_type === PyDict_Type
        ? dictGetStr(dict, name)
        : PyDict_GetItemWithError(dict, name);
    } catch (e) {
      Py_XDECREF(descr);
      Py_DECREF(dict);
      throw e;
    }
    if (res !== null) {
      Py_INCREF(res);
      Py_DECREF(dict);
      Py_XDECREF(descr);
      return res;
    }
    Py_DECREF(dict);
  }
  if (f !== null) {
    try {
      return f(descr!, obj, tp);
    } catch (e) {
      if (
        suppress && e instanceof PyObject && PyType_IsSubtype(e.ob_type, PyExc_AttributeError)
      ) {
        Py_DECREF(e);
        return null;
      }
      throw e;
    } finally {
      Py_DECREF(descr!);
    }
  }
  if (descr !== null) return descr;
  if (suppress) return null;
  throw PyErr_Format(
    PyExc_AttributeError,
    `'${tp.tp_name}' object has no attribute '${str(name)}'`,
  );
}

/** PyObject_GenericGetAttr */
export function PyObject_GenericGetAttr(obj: PyObject, name: PyObject): PyObject {
  return genericGetAttrWithDict(obj, name, null, false)!;
}

/** _PyObject_GenericSetAttrWithDict */
export function PyObject_GenericSetAttr(
  obj: PyObject,
  name: PyObject,
  value: PyObject | null,
): void {
  const tp = obj.ob_type;
  checkName(name);
  const descr = _PyType_Lookup(tp, name);
  if (descr !== null) {
    Py_INCREF(descr);
    const f = descr.ob_type.tp_descr_set;
    if (f !== null) {
      try {
        f(descr, obj, value);
        return;
      } finally {
        Py_DECREF(descr);
      }
    }
  }
  try {
    if (!hasInstanceDict(tp)) {
      if (descr === null) {
        throw PyErr_Format(
          PyExc_AttributeError,
          `'${tp.tp_name}' object has no attribute '${str(name)}'`,
        );
      }
      throw PyErr_Format(
        PyExc_AttributeError,
        `'${tp.tp_name}' object attribute '${str(name)}' is read-only`,
      );
    }
    const values = obj.ob_values;
    if (values !== null) {
      const found = _PyObject_StoreInstanceAttribute(obj, values, name, value, setInDict);
      if (!found) {
        throw PyErr_Format(
          PyExc_AttributeError,
          `'${tp.tp_name}' object has no attribute '${str(name)}'`,
        );
      }
      return;
    }
    let dict = obj.ob_dict;
    if (dict === null) {
      if (value === null) {
        throw PyErr_Format(
          PyExc_AttributeError,
          `'${tp.tp_name}' object has no attribute '${str(name)}'`,
        );
      }
      dict = PyDict_New();
      obj.ob_dict = dict;
    }
    Py_INCREF(dict);
    try {
      if (value === null) {
        try {
          PyDict_DelItem(dict, name);
        } catch (e) {
          if (e instanceof PyObject && e.ob_type.tp_name === "KeyError") {
            Py_DECREF(e);
            throw PyErr_Format(
              PyExc_AttributeError,
              `'${tp.tp_name}' object has no attribute '${str(name)}'`,
            );
          }
          throw e;
        }
      } else {
        PyDict_SetItem(dict, name, value);
      }
    } finally {
      Py_DECREF(dict);
    }
  } finally {
    Py_XDECREF(descr);
  }
}

/** Stores into a dict made from managed values (_PyObject_StoreInstanceAttribute's tail). */
function setInDict(dict: PyObject, name: PyObject, value: PyObject | null): void {
  if (value !== null) PyDict_SetItem(dict, name, value);
  else PyDict_DelItem(dict, name);
}

/** The instance __dict__ (created on demand): PyObject_GenericGetDict. */
export function PyObject_GenericGetDict(obj: PyObject): PyObject {
  if (obj.ob_values !== null) materializeDict(obj);
  let dict = obj.ob_dict;
  if (dict === null) {
    dict = PyDict_New();
    obj.ob_dict = dict;
  }
  Py_INCREF(dict);
  return dict;
}

export function PyObject_GenericSetDict(obj: PyObject, value: PyObject | null): void {
  if (value === null) {
    throw PyErr_Format(PyExc_TypeError, "cannot delete __dict__");
  }
  if (!PyDict_Check(value)) {
    throw PyErr_Format(
      PyExc_TypeError,
      `__dict__ must be set to a dictionary, not a '${value.ob_type.tp_name}'`,
    );
  }
  // A managed dict is made from the values first (_PyObject_GetDictPtr), then replaced.
  if (obj.ob_values !== null) materializeDict(obj);
  Py_INCREF(value);
  const old = obj.ob_dict;
  obj.ob_dict = value;
  Py_XDECREF(old);
}

/** Result slot of _PyObject_GetMethod. */
export const methodOut: { meth: PyObject | null } = { meth: null };

/**
 * _PyObject_GetMethod: for LOAD_METHOD. Returns true with methodOut.meth an unbound method
 * (a new reference) when obj's type has a method descriptor under that name and the
 * instance does not shadow it; false with methodOut.meth the attribute otherwise.
 */
export function _PyObject_GetMethod(obj: PyObject, name: PyObject): boolean {
  const tp = obj.ob_type;
  if (tp.tp_getattro !== PyObject_GenericGetAttr || name.ob_type !== PyUnicode_Type) {
    methodOut.meth = PyObject_GetAttr(obj, name);
    return false;
  }
  const descr = _PyType_Lookup(tp, name);
  let f = null;
  let methFound = false;
  if (descr !== null) {
    Py_INCREF(descr);
    if (descr.ob_type.tp_flags & Py_TPFLAGS_METHOD_DESCRIPTOR) {
      methFound = true;
    } else {
      f = descr.ob_type.tp_descr_get;
      if (f !== null && descr.ob_type.tp_descr_set !== null) {
        try {
          methodOut.meth = f(descr, obj, tp);
        } catch (e) {
          setAttributeErrorContext(e, obj, name);
          throw e;
        } finally {
          Py_DECREF(descr);
        }
        return false;
      }
    }
  }
  const values = obj.ob_values;
  if (values !== null) {
    const attr = _PyObject_GetInstanceAttribute(obj, values, name);
    if (attr !== null) {
      Py_INCREF(attr);
      methodOut.meth = attr;
      Py_XDECREF(descr);
      return false;
    }
  }
  const dict = values === null && obj.ob_type.tp_dictoffset !== 0 ? obj.ob_dict : null;
  if (dict !== null) {
    Py_INCREF(dict);
    let attr: PyObject | null;
    try {
      attr = dictGetStr(dict, name);
    } catch (e) {
      Py_DECREF(dict);
      Py_XDECREF(descr);
      throw e;
    }
    if (attr !== null) {
      Py_INCREF(attr);
      methodOut.meth = attr;
      Py_DECREF(dict);
      Py_XDECREF(descr);
      return false;
    }
    Py_DECREF(dict);
  }
  if (methFound) {
    methodOut.meth = descr;
    return true;
  }
  if (f !== null) {
    try {
      methodOut.meth = f(descr!, obj, tp);
    } catch (e) {
      setAttributeErrorContext(e, obj, name);
      throw e;
    } finally {
      Py_DECREF(descr!);
    }
    return false;
  }
  if (descr !== null) {
    methodOut.meth = descr;
    return false;
  }
  const e = PyErr_Format(
    PyExc_AttributeError,
    `'${tp.tp_name}' object has no attribute '${str(name)}'`,
  );
  setAttributeErrorContext(e, obj, name);
  throw e;
}

/** PyObject_SelfIter: tp_iter of iterators. */
export function PyObject_SelfIter(o: PyObject): PyObject {
  Py_INCREF(o);
  return o;
}

/** An interned name object for a JavaScript string (new reference). */
export function internName(s: string): PyObject {
  return PyUnicode_InternFromString(s);
}

/** _PyObject_NextNotImplemented: tp_iternext of types whose __next__ is missing. */
export function _PyObject_NextNotImplemented(self: PyObject): PyObject | null {
  throw PyErr_Format(PyExc_TypeError, `'${self.ob_type.tp_name}' object is not iterable`);
}

/** Raises SystemError for an impossible state (PyErr_BadInternalCall). */
export function PyErr_BadInternalCall(): PyObject {
  return PyErr_Format(PyExc_SystemError, "bad argument to internal function");
}

/** Quick truth of the few exact types that the eval loop tests inline. */
export function fastIsTrue(v: PyObject): boolean {
  const t = v.ob_type;
  if (t === PyLong_Type || t === PyBool_Type) return long_bool(v);
  if (t === PyNone_Type) return false;
  if (t === PyUnicode_Type) return (v as PyUnicodeObject).ob_val.length !== 0;
  if (t === PyFloat_Type) return v.ob_val !== 0;
  return PyObject_IsTrue(v);
}

export { Hash as HashState, PyLong_Check };
