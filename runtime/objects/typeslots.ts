// The slot tables of the built-in types, as the PyTypeObject definitions at the end of
// each Objects/*.c file give them, and PyType_Ready for all of them in dependency order.

import { docFromInternalDoc, textSignatureFromInternalDoc } from "./textsignature.ts";
import { setupUnicodeErrors } from "./unicodeerror.ts";
import {
  METH_CLASS,
  METH_FASTCALL,
  METH_KEYWORDS,
  METH_NO_RECURSION_CHECK,
  METH_NOARGS,
  METH_O,
  METH_STATIC,
  METH_VARARGS,
  Py_DECREF,
  Py_Ellipsis,
  Py_EQ,
  Py_False,
  Py_INCREF,
  Py_None,
  Py_NotImplemented,
  Py_TPFLAGS_HAVE_GC,
  Py_TPFLAGS_HEAPTYPE,
  Py_TPFLAGS_MANAGED_DICT,
  Py_TPFLAGS_MATCH_SELF,
  Py_TPFLAGS_TYPE_SUBCLASS,
  Py_True,
  PyBaseObject_Type,
  PyBool_Type,
  PyByteArray_Type,
  PyBytes_Type,
  PyBytesIter_Type,
  PyCallIter_Type,
  PyCell_Type,
  PyCFunction_Type,
  PyClassMethod_Type,
  PyClassMethodDescr_Type,
  PyCode_Type,
  PyComplex_Type,
  PyCoro_Type,
  PyDict_Type,
  PyDictItems_Type,
  PyDictIterItem_Type,
  PyDictIterKey_Type,
  PyDictIterValue_Type,
  PyDictKeys_Type,
  PyDictProxy_Type,
  PyDictRevIterItem_Type,
  PyDictRevIterKey_Type,
  PyDictRevIterValue_Type,
  PyDictValues_Type,
  PyEllipsis_Type,
  PyEnum_Type,
  PyFilter_Type,
  PyFloat_Type,
  PyFrame_Type,
  PyFrozenSet_Type,
  PyFunction_Type,
  PyGen_Type,
  PyGenericAlias_Type,
  type PyGetSetDef,
  PyGetSetDescr_Type,
  PyList_Type,
  PyListIter_Type,
  PyListRevIter_Type,
  PyLong_Type,
  PyLongRangeIter_Type,
  PyMap_Type,
  type PyMemberDef,
  PyMemberDescr_Type,
  PyMethod_Type,
  type PyMethodDef,
  PyMethodDescr_Type,
  PyMethodWrapper_Type,
  PyModule_Type,
  PyNone_Type,
  PyNotImplemented_Type,
  PyObject,
  PyObject_Free,
  PyObject_GC_Del,
  PyProperty_Type,
  PyRange_Type,
  PyRangeIter_Type,
  PyReversed_Type,
  PySeqIter_Type,
  PySet_Type,
  PySetIter_Type,
  PySimpleNamespace_Type,
  PySlice_Type,
  PyStaticMethod_Type,
  PySuper_Type,
  PyTraceBack_Type,
  PyTuple_Type,
  PyTupleIter_Type,
  PyType_Type,
  type PyTypeObject,
  PyUnicode_Type,
  PyUnicodeIter_Type,
  PyWrapperDescr_Type,
  PyZip_Type,
} from "./object.ts";
import {
  mroImplementation,
  object_dealloc,
  object_init,
  object_new,
  object_richcompare,
  object_str,
  PyType_GenericAlloc,
  PyType_Ready,
  subtype_dealloc,
  super_dealloc,
  super_descr_get,
  super_getattro,
  super_init,
  super_new,
  super_repr,
  super_traverse,
  type_call,
  type_clear,
  type_dealloc,
  type_getattro,
  type_new,
  type_repr,
  type_setattro,
  type_traverse,
  type_vectorcall,
} from "./typeobject.ts";
import {
  _PyObject_LookupAttr,
  object_hash,
  object_repr,
  PyObject_GenericGetAttr,
  PyObject_GenericSetAttr,
  PyObject_HashNotImplemented,
  PyObject_SelfIter,
  str,
  typeModuleName,
  typeName,
  typeQualName,
  unicode_repr,
} from "./objectops.ts";
import * as L from "./longobject.ts";
import * as F from "./floatobject.ts";
import * as C from "./complexobject.ts";
import * as B from "./boolobject.ts";
import * as N from "./numbermethods.ts";
import * as U from "./unicodeobject.ts";
import * as UM from "./unicodemethods.ts";
import * as T from "./tupleobject.ts";
import * as TM from "./tuplemethods.ts";
import * as LI from "./listobject.ts";
import * as LS from "./listsort.ts";
import * as D from "./dictobject.ts";
import { _PyObject_IsInstanceDictEmpty, materializeDict } from "./inlinevalues.ts";
import * as DV from "./dictviews.ts";
import * as S from "./setobject.ts";
import * as SM from "./setmethods.ts";
import * as R from "./rangeobject.ts";
import * as SL from "./sliceobject.ts";
import * as IT from "./iterobject.ts";
import * as FN from "./funcobject.ts";
import * as CM from "./classobject.ts";
import * as ME from "./methodobject.ts";
import * as DE from "./descrobject.ts";
import * as CE from "./cellobject.ts";
import * as CO from "./codeobject.ts";
import * as MO from "./moduleobject.ts";
import * as BY from "./bytesobject.ts";
import * as OR from "./objreduce.ts";
import { setupByteArrayType } from "./bytearrayobject.ts";
import { setupMemoryViewType } from "./memoryobject.ts";
import * as GA from "./genericaliasobject.ts";
import * as EX from "./exceptions.ts";
import { PyVectorcall_Call } from "./call.ts";
import { object___dir__, type___dir__ } from "./dir.ts";
import { PyErr_Format } from "./errors.ts";
import {
  checkPositional,
  intArg,
  noKwnames,
  sliceIndexNotNone,
  ssizeArg,
  unpackKeywords,
} from "./argparse.ts";
import { _Py_ID, PyUnicode_FromString } from "./unicodeobject.ts";
import { PyLong_FromNumber } from "./longobject.ts";
import { PyObject_GetIter, PySequence_Tuple } from "./abstract.ts";

type Fn = PyMethodDef["ml_meth"];

function m(name: string, meth: Fn, flags: number): PyMethodDef {
  return { ml_name: name, ml_meth: meth, ml_flags: flags };
}

function none(): PyObject {
  Py_INCREF(Py_None);
  return Py_None;
}

function ref(o: PyObject): PyObject {
  Py_INCREF(o);
  return o;
}

// ---- object and type ------------------------------------------------------------------------------

function setupObject(): void {
  const t = PyBaseObject_Type;
  t.tp_dealloc = object_dealloc;
  t.tp_repr = object_repr;
  t.tp_str = object_str;
  t.tp_hash = object_hash;
  t.tp_getattro = PyObject_GenericGetAttr;
  t.tp_setattro = PyObject_GenericSetAttr;
  t.tp_richcompare = object_richcompare;
  t.tp_init = object_init;
  t.tp_alloc = PyType_GenericAlloc;
  t.tp_new = object_new;
  t.tp_free = PyObject_Free;
  t.tp_doc =
    "The base class of the class hierarchy.\n\nWhen called, it accepts no arguments and returns a new featureless\ninstance that has no instance attributes and cannot be given any.\n";
  t.tp_methods = [
    m("__reduce_ex__", OR.object___reduce_ex__, METH_O),
    m("__reduce__", OR.object___reduce__, METH_NOARGS),
    m("__getstate__", OR.object___getstate__, METH_NOARGS),
    m("__subclasshook__", () => ref(Py_NotImplemented), METH_CLASS | METH_VARARGS | METH_KEYWORDS),
    m("__init_subclass__", () => none(), METH_CLASS | METH_NOARGS),
    m("__format__", object_format, METH_O),
    m("__sizeof__", (self: PyObject) => {
      const tp = self.ob_type;
      let size = tp.tp_basicsize;
      if (tp.tp_itemsize) size += tp.tp_itemsize * ((self.ob_item?.length) ?? 0);
      return PyLong_FromNumber(size);
    }, METH_NOARGS),
    m("__dir__", object___dir__, METH_NOARGS),
  ];
  t.tp_getset = [
    {
      name: "__class__",
      get: (o) => ref(o.ob_type),
      set: (o, v) => objectSetClass(o, v),
      doc: "the object's class",
    },
  ];
}

function object_format(self: PyObject, spec: PyObject): PyObject {
  if (!U.PyUnicode_Check(spec)) {
    throw PyErr_Format(
      EX.PyExc_TypeError,
      `__format__() argument must be str, not ${spec.ob_type.tp_name}`,
    );
  }
  if (str(spec).length > 0) {
    throw PyErr_Format(
      EX.PyExc_TypeError,
      `unsupported format string passed to ${self.ob_type.tp_name}.__format__`,
    );
  }
  const { PyObject_Str } = objectOps;
  return PyObject_Str(self);
}
import * as objectOps from "./objectops.ts";

function objectSetClass(o: PyObject, v: PyObject | null): void {
  if (v === null) throw PyErr_Format(EX.PyExc_TypeError, "can't delete __class__ attribute");
  if (!(v.ob_type.tp_flags & Py_TPFLAGS_TYPE_SUBCLASS)) {
    throw PyErr_Format(
      EX.PyExc_TypeError,
      `__class__ must be set to a class, not '${v.ob_type.tp_name}' object`,
    );
  }
  const newto = v as PyTypeObject, oldto = o.ob_type;
  const modules = PyType_IsSubtypeLocal(newto, PyModule_Type) &&
    PyType_IsSubtypeLocal(oldto, PyModule_Type);
  if (
    !modules && (!(newto.tp_flags & Py_TPFLAGS_HEAPTYPE) || !(oldto.tp_flags & Py_TPFLAGS_HEAPTYPE))
  ) {
    throw PyErr_Format(
      EX.PyExc_TypeError,
      "__class__ assignment only supported for mutable types or ModuleType subclasses",
    );
  }
  checkSameLayout(oldto, newto, "__class__");
  // The stored attributes are laid out by the old class's shared keys: they become a
  // real __dict__ before the class changes (object_set_class).
  if (o.ob_values) materializeDict(o);
  // instances hold a reference to their class only when it is a heap type
  if (newto.tp_flags & Py_TPFLAGS_HEAPTYPE) Py_INCREF(newto);
  o.ob_type = newto;
  if (oldto.tp_flags & Py_TPFLAGS_HEAPTYPE) Py_DECREF(oldto);
}

/** compatible_with_tp_base: whether a class's instances are laid out as its base's. */
function layoutOfBase(t: PyTypeObject): boolean {
  const base = t.tp_base;
  return base !== null && t.tp_basicsize === base.tp_basicsize &&
    t.tp_itemsize === base.tp_itemsize && t.tp_dictoffset === base.tp_dictoffset &&
    t.tp_weaklistoffset === base.tp_weaklistoffset &&
    (t.tp_flags & Py_TPFLAGS_HAVE_GC) === (base.tp_flags & Py_TPFLAGS_HAVE_GC) &&
    (t.tp_dealloc === subtype_dealloc || t.tp_dealloc === base.tp_dealloc);
}

/** same_slots_added: two classes on one base that add the same slots, dict and weakref. */
function sameSlotsAdded(a: PyTypeObject, b: PyTypeObject): boolean {
  let size = a.tp_base!.tp_basicsize;
  if (a.tp_dictoffset === size && b.tp_dictoffset === size) size += 8;
  if (a.tp_weaklistoffset === size && b.tp_weaklistoffset === size) size += 8;
  if (!(a.tp_flags & Py_TPFLAGS_HEAPTYPE) || !(b.tp_flags & Py_TPFLAGS_HEAPTYPE)) return false;
  const slotsA = a.ht!.ht_slots, slotsB = b.ht!.ht_slots;
  if (slotsA && slotsB) {
    if (!objectOps.PyObject_RichCompareBool(slotsA, slotsB, Py_EQ)) return false;
    size += 8 * slotsA.ob_item!.length;
  }
  return size === a.tp_basicsize && size === b.tp_basicsize;
}

/**
 * compatible_for_assignment: raises TypeError unless instances of oldto can become
 * instances of newto (same deallocator, and the same layout once each class is followed
 * up to the first base whose layout differs from its own).
 */
function checkSameLayout(oldto: PyTypeObject, newto: PyTypeObject, attr: string): void {
  if (newto.tp_free !== oldto.tp_free) {
    throw PyErr_Format(
      EX.PyExc_TypeError,
      `${attr} assignment: '${newto.tp_name}' deallocator differs from '${oldto.tp_name}'`,
    );
  }
  let newbase = newto, oldbase = oldto;
  while (layoutOfBase(newbase)) newbase = newbase.tp_base!;
  while (layoutOfBase(oldbase)) oldbase = oldbase.tp_base!;
  const differs = newbase !== oldbase &&
    (newbase.tp_base !== oldbase.tp_base || !sameSlotsAdded(newbase, oldbase));
  if (
    differs ||
    (oldto.tp_flags & Py_TPFLAGS_MANAGED_DICT) !== (newto.tp_flags & Py_TPFLAGS_MANAGED_DICT)
  ) {
    throw PyErr_Format(
      EX.PyExc_TypeError,
      `${attr} assignment: '${newto.tp_name}' object layout differs from '${oldto.tp_name}'`,
    );
  }
}

function setupType(): void {
  const t = PyType_Type;
  t.tp_dealloc = type_dealloc;
  t.tp_repr = type_repr;
  t.tp_call = type_call;
  t.tp_instance_vectorcall = type_vectorcall;
  t.tp_getattro = type_getattro;
  t.tp_setattro = type_setattro;
  t.tp_traverse = type_traverse;
  t.tp_clear = type_clear;
  t.tp_new = type_new;
  t.tp_init = (_self: PyObject, args: PyObject, kwds: PyObject | null) => {
    const n = args.ob_item!.length;
    if (n !== 1 && n !== 3) {
      throw PyErr_Format(EX.PyExc_TypeError, "type.__init__() takes 1 or 3 arguments");
    }
    void kwds;
  };
  t.tp_free = PyObject_GC_Del;
  t.tp_dictoffset = 1;
  t.tp_weaklistoffset = 1;
  t.tp_doc = "type(object) -> the object's type\ntype(name, bases, dict, **kwds) -> a new type";
  t.tp_methods = [
    m(
      "mro",
      (self: PyObject) => LI.PyList_FromArray(mroImplementation(self as PyTypeObject)),
      METH_NOARGS,
    ),
    m(
      "__subclasses__",
      (self: PyObject) => LI.PyList_FromArray([...(self as PyTypeObject).tp_subclasses]),
      METH_NOARGS,
    ),
    m("__prepare__", () => D.PyDict_New(), METH_FASTCALL | METH_KEYWORDS | METH_CLASS),
    m("__instancecheck__", (self: PyObject, inst: PyObject) => {
      return B_(abstractApi._PyObject_RealIsInstance(inst, self));
    }, METH_O),
    m("__subclasscheck__", (self: PyObject, sub: PyObject) => {
      return B_(abstractApi._PyObject_RealIsSubclass(sub, self));
    }, METH_O),
    m("__dir__", type___dir__, METH_NOARGS),
    m(
      "__sizeof__",
      (self: PyObject) => {
        // sizeof(PyHeapTypeObject) and its cached keys, or sizeof(PyTypeObject).
        const ht = (self as PyTypeObject).ht;
        if (ht === null) return PyLong_FromNumber(408);
        const k = ht.ht_cached_keys;
        return PyLong_FromNumber(904 + (k ? D.dictKeysSize(k) : 0));
      },
      METH_NOARGS,
    ),
  ];
  t.tp_members = [
    { name: "__basicsize__", get: (o) => PyLong_FromNumber((o as PyTypeObject).tp_basicsize) },
    { name: "__itemsize__", get: (o) => PyLong_FromNumber((o as PyTypeObject).tp_itemsize) },
    { name: "__flags__", get: (o) => PyLong_FromNumber((o as PyTypeObject).tp_flags >>> 0) },
    {
      name: "__weakrefoffset__",
      get: (o) => PyLong_FromNumber((o as PyTypeObject).tp_weaklistoffset),
    },
    {
      name: "__base__",
      get: (o) => ref((o as PyTypeObject).tp_base ?? Py_None),
    },
    {
      name: "__dictoffset__",
      get: (o) => PyLong_FromNumber((o as PyTypeObject).tp_dictoffset === 0 ? 0 : 8),
    },
    { name: "__mro__", get: (o) => ref((o as PyTypeObject).tp_mro ?? Py_None) },
  ];
  t.tp_getset = typeGetset();
}
import * as abstractApi from "./abstract.ts";

function B_(b: boolean): PyObject {
  return ref(b ? Py_True : Py_False);
}

function typeGetset(): PyGetSetDef[] {
  const tt = (o: PyObject) => o as PyTypeObject;
  return [
    {
      name: "__name__",
      get: (o) => PyUnicode_FromString(typeName(tt(o))),
      set: (o, v) => {
        const t = tt(o);
        if (t.ht === null) {
          throw PyErr_Format(
            EX.PyExc_TypeError,
            `cannot set '__name__' attribute of immutable type '${t.tp_name}'`,
          );
        }
        if (v === null || !U.PyUnicode_Check(v)) {
          throw PyErr_Format(
            EX.PyExc_TypeError,
            `can only assign string to ${t.tp_name}.__name__, not '${
              v?.ob_type.tp_name ?? "NoneType"
            }'`,
          );
        }
        Py_INCREF(v);
        Py_DECREF(t.ht.ht_name);
        t.ht.ht_name = v;
        t.tp_name = str(v);
      },
    },
    {
      name: "__qualname__",
      get: (o) => PyUnicode_FromString(typeQualName(tt(o))),
      set: (o, v) => {
        const t = tt(o);
        if (t.ht === null) {
          throw PyErr_Format(
            EX.PyExc_TypeError,
            `cannot set '__qualname__' attribute of immutable type '${t.tp_name}'`,
          );
        }
        if (v === null || !U.PyUnicode_Check(v)) {
          throw PyErr_Format(
            EX.PyExc_TypeError,
            `can only assign string to ${t.tp_name}.__qualname__, not '${
              v?.ob_type.tp_name ?? "NoneType"
            }'`,
          );
        }
        Py_INCREF(v);
        Py_DECREF(t.ht.ht_qualname);
        t.ht.ht_qualname = v;
      },
    },
    { name: "__bases__", get: (o) => ref(tt(o).tp_bases ?? Py_None), set: null },
    {
      name: "__module__",
      get: (o) => {
        const t = tt(o);
        if (t.ht !== null) {
          const mod = D.dictGetStr(t.tp_dict!, _Py_ID("__module__"));
          if (mod === null) throw PyErr_Format(EX.PyExc_AttributeError, "__module__");
          return ref(mod);
        }
        return PyUnicode_FromString(typeModuleName(t) ?? "builtins");
      },
      set: (o, v) => {
        const t = tt(o);
        if (t.ht === null) {
          throw PyErr_Format(
            EX.PyExc_TypeError,
            `cannot set '__module__' attribute of immutable type '${t.tp_name}'`,
          );
        }
        if (v === null) {
          throw PyErr_Format(EX.PyExc_TypeError, "cannot delete '__module__' attribute");
        }
        D.PyDict_SetItem(t.tp_dict!, _Py_ID("__module__"), v);
      },
    },
    {
      name: "__abstractmethods__",
      get: (o) => {
        const t = tt(o);
        const v = t !== PyType_Type
          ? D.dictGetStr(t.tp_dict!, _Py_ID("__abstractmethods__"))
          : null;
        if (v === null) throw PyErr_Format(EX.PyExc_AttributeError, "__abstractmethods__");
        return ref(v);
      },
      set: (o, v) => {
        const t = tt(o);
        let abs = false;
        if (v !== null) {
          abs = objectOps.PyObject_IsTrue(v);
          D.PyDict_SetItem(t.tp_dict!, _Py_ID("__abstractmethods__"), v);
        } else {
          D.PyDict_DelItem(t.tp_dict!, _Py_ID("__abstractmethods__"));
        }
        if (abs) t.tp_flags |= 1 << 20;
        else t.tp_flags &= ~(1 << 20);
      },
    },
    { name: "__dict__", get: (o) => DE.PyDictProxy_New(tt(o).tp_dict!), set: null },
    {
      name: "__doc__",
      get: (o) => {
        const t = tt(o);
        if (t.ht === null && t.tp_doc !== null) return PyUnicode_FromString(t.tp_doc);
        const d = D.dictGetStr(t.tp_dict!, _Py_ID("__doc__"));
        if (d === null) return none();
        const f = d.ob_type.tp_descr_get;
        if (f !== null) return f(d, null, t);
        return ref(d);
      },
      set: (o, v) => {
        const t = tt(o);
        if (t.ht === null) {
          throw PyErr_Format(
            EX.PyExc_TypeError,
            `cannot set '__doc__' attribute of immutable type '${t.tp_name}'`,
          );
        }
        D.PyDict_SetItem(t.tp_dict!, _Py_ID("__doc__"), v ?? Py_None);
      },
    },
    {
      name: "__annotations__",
      get: (o) => {
        const t = tt(o);
        if (t.ht === null) {
          throw PyErr_Format(
            EX.PyExc_AttributeError,
            `type object '${t.tp_name}' has no attribute '__annotations__'`,
          );
        }
        let a = D.dictGetStr(t.tp_dict!, _Py_ID("__annotations__"));
        if (a === null) {
          a = D.PyDict_New();
          D.PyDict_SetItem(t.tp_dict!, _Py_ID("__annotations__"), a);
          Py_DECREF(a);
        }
        return ref(a);
      },
      set: (o, v) => {
        const t = tt(o);
        if (v === null) D.PyDict_DelItem(t.tp_dict!, _Py_ID("__annotations__"));
        else D.PyDict_SetItem(t.tp_dict!, _Py_ID("__annotations__"), v);
      },
    },
    {
      name: "__text_signature__",
      get: () => none(),
      set: null,
    },
  ];
}

// ---- numbers ---------------------------------------------------------------------------------------

function setupNumbers(): void {
  const t = PyLong_Type;
  t.tp_dealloc = L.long_dealloc;
  t.tp_repr = L.long_repr;
  t.tp_hash = L.long_hash;
  t.tp_getattro = PyObject_GenericGetAttr;
  t.tp_richcompare = L.long_richcompare;
  t.tp_new = N.long_new;
  t.tp_vectorcall = N.int_vectorcall;
  t.tp_free = PyObject_Free;
  t.nb_add = L.long_add;
  t.nb_subtract = L.long_sub;
  t.nb_multiply = L.long_mul;
  t.nb_remainder = L.long_mod;
  t.nb_divmod = L.long_divmod;
  t.nb_power = L.long_pow;
  t.nb_negative = L.long_neg;
  t.nb_positive = L.long_long;
  t.nb_absolute = L.long_abs;
  t.nb_bool = L.long_bool;
  t.nb_invert = L.long_invert;
  t.nb_lshift = L.long_lshift;
  t.nb_rshift = L.long_rshift;
  t.nb_and = L.long_and;
  t.nb_xor = L.long_xor;
  t.nb_or = L.long_or;
  t.nb_int = L.long_long;
  t.nb_float = L.long_float;
  t.nb_floor_divide = L.long_div;
  t.nb_true_divide = L.long_true_divide;
  t.nb_index = L.long_long;
  t.tp_doc = "int([x]) -> integer\nint(x, base=10) -> integer";
  t.tp_methods = [
    m("conjugate", N.int_conjugate, METH_NOARGS),
    m("bit_length", N.int_bit_length, METH_NOARGS),
    m("bit_count", N.int_bit_count, METH_NOARGS),
    m("to_bytes", N.int_to_bytes, METH_FASTCALL | METH_KEYWORDS),
    m("from_bytes", N.int_from_bytes, METH_FASTCALL | METH_KEYWORDS | METH_CLASS),
    m("as_integer_ratio", N.int_as_integer_ratio, METH_NOARGS),
    m("__trunc__", N.int_conjugate, METH_NOARGS),
    m("__floor__", N.int_conjugate, METH_NOARGS),
    m("__ceil__", N.int_conjugate, METH_NOARGS),
    m("__round__", N.int___round__, METH_FASTCALL),
    m("__getnewargs__", N.int_getnewargs, METH_NOARGS),
    m("__format__", N.int___format__, METH_O),
    m("__sizeof__", N.int_sizeof, METH_NOARGS),
  ];
  t.tp_getset = N.int_getset;

  const b = PyBool_Type;
  b.tp_base = PyLong_Type;
  b.tp_repr = B.bool_repr;
  b.tp_new = B.bool_new;
  b.tp_vectorcall = B.bool_vectorcall;
  b.nb_and = B.bool_and;
  b.nb_or = B.bool_or;
  b.nb_xor = B.bool_xor;
  b.tp_dealloc = (_o) => {};
  b.tp_doc =
    "bool(x) -> bool\n\nReturns True when the argument x is true, False otherwise.\nThe builtins True and False are the only two instances of the class bool.\nThe class bool is a subclass of the class int, and cannot be subclassed.";

  const f = PyFloat_Type;
  f.tp_dealloc = F.float_dealloc;
  f.tp_repr = F.float_repr;
  f.tp_hash = F.float_hash;
  f.tp_getattro = PyObject_GenericGetAttr;
  f.tp_richcompare = F.float_richcompare;
  f.tp_new = N.float_new;
  f.tp_vectorcall = N.float_vectorcall;
  f.tp_free = PyObject_Free;
  f.nb_add = F.float_add;
  f.nb_subtract = F.float_sub;
  f.nb_multiply = F.float_mul;
  f.nb_remainder = F.float_rem;
  f.nb_divmod = F.float_divmod;
  f.nb_power = F.float_pow;
  f.nb_negative = F.float_neg;
  f.nb_positive = F.float_pos;
  f.nb_absolute = F.float_abs;
  f.nb_bool = F.float_bool;
  f.nb_int = N.float_int;
  f.nb_float = N.float_float;
  f.nb_floor_divide = F.float_floor_div;
  f.nb_true_divide = F.float_div;
  f.tp_doc = "Convert a string or number to a floating point number, if possible.";
  f.tp_methods = [
    m("conjugate", N.float_conjugate, METH_NOARGS),
    m("__trunc__", N.float___trunc__, METH_NOARGS),
    m("__floor__", N.float___floor__, METH_NOARGS),
    m("__ceil__", N.float___ceil__, METH_NOARGS),
    m("__round__", N.float___round__, METH_FASTCALL),
    m("as_integer_ratio", N.float_as_integer_ratio, METH_NOARGS),
    m("fromhex", N.float_fromhex, METH_O | METH_CLASS),
    m("hex", N.float_hex, METH_NOARGS),
    m("is_integer", N.float_is_integer, METH_NOARGS),
    m("__getnewargs__", N.float_getnewargs, METH_NOARGS),
    m("__format__", N.float___format__, METH_O),
  ];
  f.tp_getset = N.float_getset;

  const c = PyComplex_Type;
  c.tp_dealloc = C.complex_dealloc;
  c.tp_repr = C.complex_repr;
  c.tp_hash = C.complex_hash;
  c.tp_getattro = PyObject_GenericGetAttr;
  c.tp_richcompare = C.complex_richcompare;
  c.tp_new = N.complex_new;
  c.tp_free = PyObject_Free;
  c.nb_add = C.complex_add;
  c.nb_subtract = C.complex_sub;
  c.nb_multiply = C.complex_mul;
  c.nb_power = C.complex_pow;
  c.nb_negative = C.complex_neg;
  c.nb_positive = C.complex_pos;
  c.nb_absolute = C.complex_abs;
  c.nb_bool = C.complex_bool;
  c.nb_true_divide = C.complex_div;
  c.tp_members = C.complex_members;
  c.tp_methods = [
    m("conjugate", C.complex_conjugate, METH_NOARGS),
    m("__format__", C.complex___format__, METH_O),
  ];
}

// ---- str and bytes --------------------------------------------------------------------------------

function setupStr(): void {
  const t = PyUnicode_Type;
  // str(x): what PRECALL_NO_KW_STR_1 does in 3.11, without an argument tuple
  t.tp_vectorcall = (type, args, offset, nargs, kwnames) => {
    if (kwnames === null && type === PyUnicode_Type) {
      if (nargs === 1) return objectOps.PyObject_Str(args[offset]!);
      if (nargs === 0) return PyUnicode_FromString("");
    }
    return callApi._PyObject_MakeTpCall(type, args, offset, nargs, kwnames);
  };
  t.tp_dealloc = U.unicode_dealloc;
  t.tp_repr = unicode_repr;
  t.tp_hash = U.unicode_hash;
  t.tp_str = UM.unicode_str;
  t.tp_getattro = PyObject_GenericGetAttr;
  t.tp_richcompare = UM.unicode_richcompare;
  t.tp_iter = UM.unicode_iter;
  t.tp_new = UM.unicode_new;
  t.tp_free = PyObject_Free;
  t.sq_length = UM.unicode_length;
  t.sq_concat = UM.PyUnicode_Concat;
  t.sq_repeat = UM.unicode_repeat;
  t.sq_item = UM.unicode_getitem;
  t.sq_contains = UM.unicode_contains;
  t.mp_length = UM.unicode_length;
  t.mp_subscript = UM.unicode_subscript;
  t.nb_remainder = UM.unicode_mod;
  t.tp_doc = "str(object='') -> str\nstr(bytes_or_buffer[, encoding[, errors]]) -> str";
  const FC = METH_FASTCALL, FK = METH_FASTCALL | METH_KEYWORDS;
  t.tp_methods = [
    m("encode", UM.str_encode, FK),
    m("replace", UM.str_replace, FC),
    m("split", UM.str_split, FK),
    m("rsplit", UM.str_rsplit, FK),
    m("join", UM.str_join, METH_O),
    m("capitalize", UM.str_capitalize, METH_NOARGS),
    m("casefold", UM.str_casefold, METH_NOARGS),
    m("title", UM.str_title, METH_NOARGS),
    m("center", UM.str_center, FC),
    m("count", UM.str_count, FC),
    m("expandtabs", UM.str_expandtabs, FK),
    m("find", UM.str_find, FC),
    m("partition", UM.str_partition, METH_O),
    m("index", UM.str_index, FC),
    m("ljust", UM.str_ljust, FC),
    m("lower", UM.str_lower, METH_NOARGS),
    m("lstrip", UM.str_lstrip, FC),
    m("rfind", UM.str_rfind, FC),
    m("rindex", UM.str_rindex, FC),
    m("rjust", UM.str_rjust, FC),
    m("rstrip", UM.str_rstrip, FC),
    m("rpartition", UM.str_rpartition, METH_O),
    m("splitlines", UM.str_splitlines, FK),
    m("strip", UM.str_strip, FC),
    m("swapcase", UM.str_swapcase, METH_NOARGS),
    m("translate", UM.str_translate, METH_O),
    m("upper", UM.str_upper, METH_NOARGS),
    m("startswith", UM.str_startswith, FC),
    m("endswith", UM.str_endswith, FC),
    m("removeprefix", UM.str_removeprefix, METH_O),
    m("removesuffix", UM.str_removesuffix, METH_O),
    m("isascii", UM.str_isascii, METH_NOARGS),
    m("islower", UM.str_islower, METH_NOARGS),
    m("isupper", UM.str_isupper, METH_NOARGS),
    m("istitle", UM.str_istitle, METH_NOARGS),
    m("isspace", UM.str_isspace, METH_NOARGS),
    m("isdecimal", UM.str_isdecimal, METH_NOARGS),
    m("isdigit", UM.str_isdigit, METH_NOARGS),
    m("isnumeric", UM.str_isnumeric, METH_NOARGS),
    m("isalpha", UM.str_isalpha, METH_NOARGS),
    m("isalnum", UM.str_isalnum, METH_NOARGS),
    m("isidentifier", UM.str_isidentifier, METH_NOARGS),
    m("isprintable", UM.str_isprintable, METH_NOARGS),
    m("zfill", UM.str_zfill, METH_O),
    m("format", UM.str_format_method, METH_VARARGS | METH_KEYWORDS),
    m("format_map", UM.str_format_map, METH_O),
    m("__format__", UM.str___format__, METH_O),
    m("maketrans", UM.str_maketrans, FC | METH_STATIC),
    m("__sizeof__", UM.str_sizeof, METH_NOARGS),
    m("__getnewargs__", UM.str_getnewargs, METH_NOARGS),
  ];
  const it = PyUnicodeIter_Type;
  it.tp_dealloc = UM.unicodeiter_dealloc;
  it.tp_traverse = UM.unicodeiter_traverse;
  it.tp_iter = PyObject_SelfIter;
  it.tp_iternext = UM.unicodeiter_next;
  it.tp_getattro = PyObject_GenericGetAttr;
  it.tp_methods = [m("__length_hint__", UM.unicodeiter_len, METH_NOARGS)];

  const b = PyBytes_Type;
  b.tp_dealloc = BY.bytes_dealloc;
  b.tp_repr = BY.bytes_repr;
  b.tp_str = BY.bytes_repr;
  b.tp_hash = BY.bytes_hash;
  b.tp_getattro = PyObject_GenericGetAttr;
  b.tp_richcompare = BY.bytes_richcompare;
  b.tp_iter = BY.bytes_iter;
  b.tp_free = PyObject_Free;
  b.sq_length = BY.bytes_length;
  b.sq_concat = BY.bytes_concat;
  b.sq_repeat = BY.bytes_repeat;
  b.sq_item = BY.bytes_item;
  b.mp_length = BY.bytes_length;
  b.mp_subscript = BY.bytes_subscript;
  BY.setupBytesType(b);
  setupByteArrayType();
  setupMemoryViewType();
  const bi = PyBytesIter_Type;
  bi.tp_dealloc = BY.bytesiter_dealloc;
  bi.tp_traverse = BY.bytesiter_traverse;
  bi.tp_iter = PyObject_SelfIter;
  bi.tp_iternext = BY.bytesiter_next;
  bi.tp_getattro = PyObject_GenericGetAttr;
  bi.tp_methods = [m("__length_hint__", seqIterLenHint, METH_NOARGS)];
}

/**
 * __length_hint__ of the bytes and bytearray iterators (striter_len,
 * bytearrayiter_length_hint): what is left of the sequence, 0 once exhausted.
 */
function seqIterLenHint(it: PyObject): PyObject {
  const seq = it.ob_item![0];
  const n = seq === null ? 0 : abstractApi.PyObject_Size(seq) - it.ob_size;
  return PyLong_FromNumber(n > 0 ? n : 0);
}

// ---- tuple, list, dict, set ---------------------------------------------------------------------

function setupContainers(): void {
  const t = PyTuple_Type;
  t.tp_dealloc = T.tupledealloc;
  t.tp_repr = TM.tuple_repr;
  t.tp_hash = TM.tuple_hash;
  t.tp_getattro = PyObject_GenericGetAttr;
  t.tp_traverse = TM.tuple_traverse;
  t.tp_richcompare = TM.tuple_richcompare;
  t.tp_iter = TM.tuple_iter;
  t.tp_new = TM.tuple_new;
  t.tp_vectorcall = TM.tuple_vectorcall;
  t.tp_free = T.tuple_free;
  t.sq_length = TM.tuple_length;
  t.sq_concat = TM.tuple_concat;
  t.sq_repeat = TM.tuple_repeat;
  t.sq_item = TM.tuple_item;
  t.sq_contains = TM.tuple_contains;
  t.mp_length = TM.tuple_length;
  t.mp_subscript = TM.tuple_subscript;
  t.tp_flags |= Py_TPFLAGS_MATCH_SELF;
  t.tp_doc =
    "Built-in immutable sequence.\n\nIf no argument is given, the constructor returns an empty tuple.\nIf iterable is specified the tuple is initialized from iterable's items.\n\nIf the argument is a tuple, the return value is the same object.";
  t.tp_methods = [
    m("__getnewargs__", TM.tuple_getnewargs, METH_NOARGS),
    m("index", TM.tuple_index, METH_FASTCALL),
    m("count", TM.tuple_count, METH_O),
    m(
      "__class_getitem__",
      (cls: PyObject, arg: PyObject) => GA.Py_GenericAlias(cls, arg),
      METH_O | METH_CLASS,
    ),
  ];
  const ti = PyTupleIter_Type;
  ti.tp_dealloc = TM.tupleiter_dealloc;
  ti.tp_traverse = TM.tupleiter_traverse;
  ti.tp_iter = PyObject_SelfIter;
  ti.tp_iternext = TM.tupleiter_next;
  ti.tp_getattro = PyObject_GenericGetAttr;
  ti.tp_methods = [
    m("__length_hint__", (it: PyObject) => PyLong_FromNumber(TM.tupleiter_len(it)), METH_NOARGS),
  ];

  const l = PyList_Type;
  l.tp_dealloc = LI.list_dealloc;
  l.tp_repr = LI.list_repr;
  l.tp_hash = PyObject_HashNotImplemented;
  l.tp_getattro = PyObject_GenericGetAttr;
  l.tp_traverse = LI.list_traverse;
  l.tp_clear = LI.list_clear_items;
  l.tp_richcompare = LI.list_richcompare;
  l.tp_iter = LI.list_iter;
  l.tp_init = (self: PyObject, args: PyObject, kwds: PyObject | null) => {
    if (kwds !== null && kwds.ob_size > 0 && self.ob_type === PyList_Type) {
      throw PyErr_Format(EX.PyExc_TypeError, "list() takes no keyword arguments");
    }
    const a = args.ob_item as PyObject[];
    checkPositional("list", a.length, 0, 1);
    LI.list_init_from(self, a.length ? a[0] : null);
  };
  l.tp_new = (type: PyTypeObject) =>
    type === PyList_Type ? LI.PyList_New(0) : LI.listSubtypeAlloc(type);
  l.tp_vectorcall = (type, args, offset, nargs, kwnames) => {
    if (kwnames !== null && kwnames.ob_item!.length > 0) {
      throw PyErr_Format(EX.PyExc_TypeError, "list() takes no keyword arguments");
    }
    checkPositional("list", nargs, 0, 1);
    const list = type === PyList_Type
      ? LI.PyList_New(0)
      : LI.listSubtypeAlloc(type as PyTypeObject);
    if (nargs) {
      try {
        LI.list_extend(list, args[offset]!);
      } catch (e) {
        Py_DECREF(list);
        throw e;
      }
    }
    return list;
  };
  l.tp_free = LI.list_free;
  l.sq_length = LI.list_length;
  l.sq_concat = LI.list_concat;
  l.sq_repeat = LI.list_repeat;
  l.sq_item = LI.list_item;
  l.sq_ass_item = LI.list_ass_item;
  l.sq_contains = LI.list_contains;
  l.sq_inplace_concat = LI.list_inplace_concat;
  l.sq_inplace_repeat = LI.list_inplace_repeat;
  l.mp_length = LI.list_length;
  l.mp_subscript = LI.list_subscript;
  l.mp_ass_subscript = LI.list_ass_subscript;
  l.tp_flags |= Py_TPFLAGS_MATCH_SELF;
  l.tp_doc =
    "Built-in mutable sequence.\n\nIf no argument is given, the constructor creates a new empty list.\nThe argument must be an iterable if specified.";
  l.tp_methods = [
    m("__getitem__", LI.list_subscript, METH_O | 0x0040),
    m("__reversed__", LI.list_reversed, METH_NOARGS),
    m("__sizeof__", (self: PyObject) => PyLong_FromNumber(LI.list_sizeof(self)), METH_NOARGS),
    m("clear", LI.list_clear, METH_NOARGS),
    m("copy", LI.list_copy, METH_NOARGS),
    m("append", LI.list_append, METH_O | METH_NO_RECURSION_CHECK),
    m("insert", (self: PyObject, args: PyObject[], off: number, nargs: number) => {
      checkPositional("insert", nargs, 2, 2);
      LI.list_insert(self, ssizeArg(args[off]), args[off + 1]);
      return none();
    }, METH_FASTCALL),
    m("extend", (self: PyObject, it: PyObject) => {
      LI.list_extend(self, it);
      return none();
    }, METH_O),
    m("pop", (self: PyObject, args: PyObject[], off: number, nargs: number) => {
      checkPositional("pop", nargs, 0, 1);
      return LI.list_pop(self, nargs ? ssizeArg(args[off]) : -1);
    }, METH_FASTCALL),
    m("remove", LI.list_remove, METH_O),
    m("index", (self: PyObject, args: PyObject[], off: number, nargs: number) => {
      checkPositional("index", nargs, 1, 3);
      const start = nargs > 1 ? sliceIndexNotNone(args[off + 1]) : 0;
      const stop = nargs > 2 ? sliceIndexNotNone(args[off + 2]) : 9007199254740991;
      return LI.list_index(self, args[off], start, stop);
    }, METH_FASTCALL),
    m("count", LI.list_count, METH_O),
    m("reverse", LI.list_reverse, METH_NOARGS),
    m(
      "sort",
      (self: PyObject, args: PyObject[], off: number, nargs: number, kw: PyObject | null) => {
        if (nargs > 0) {
          throw PyErr_Format(
            EX.PyExc_TypeError,
            "sort() takes no positional arguments",
          );
        }
        const [key, reverse] = unpackKeywords(
          "sort",
          ["key", "reverse"],
          args,
          off,
          0,
          kw,
          0,
          0,
          0,
        );
        LS.list_sort_impl(
          self,
          key === Py_None ? null : key,
          reverse !== null && intArg(reverse) !== 0, // bool(accept={int})
        );
        return none();
      },
      METH_FASTCALL | METH_KEYWORDS,
    ),
    m(
      "__class_getitem__",
      (cls: PyObject, arg: PyObject) => GA.Py_GenericAlias(cls, arg),
      METH_O | METH_CLASS,
    ),
  ];
  const li = PyListIter_Type;
  li.tp_dealloc = LI.listiter_dealloc;
  li.tp_traverse = LI.listiter_traverse;
  li.tp_iter = PyObject_SelfIter;
  li.tp_iternext = LI.listiter_next;
  li.tp_getattro = PyObject_GenericGetAttr;
  li.tp_methods = [
    m("__length_hint__", (it: PyObject) => PyLong_FromNumber(LI.listiter_len(it)), METH_NOARGS),
  ];
  const lr = PyListRevIter_Type;
  lr.tp_dealloc = LI.listiter_dealloc;
  lr.tp_traverse = LI.listiter_traverse;
  lr.tp_iter = PyObject_SelfIter;
  lr.tp_iternext = LI.listreviter_next;
  lr.tp_getattro = PyObject_GenericGetAttr;
  lr.tp_methods = [
    m("__length_hint__", (it: PyObject) => PyLong_FromNumber(LI.listreviter_len(it)), METH_NOARGS),
  ];

  const d = PyDict_Type;
  d.tp_dealloc = D.dict_dealloc;
  d.tp_repr = DV.dict_repr;
  d.tp_hash = PyObject_HashNotImplemented;
  d.tp_getattro = PyObject_GenericGetAttr;
  d.tp_traverse = D.dict_traverse;
  d.tp_clear = (o) => {
    D.PyDict_Clear(o);
    return false;
  };
  d.tp_richcompare = DV.dict_richcompare;
  d.tp_iter = DV.dict_iter;
  d.tp_init = DV.dict_init;
  d.tp_new = DV.dict_new;
  d.tp_vectorcall = DV.dict_vectorcall;
  d.tp_free = D.dict_free;
  d.sq_contains = DV.dict_contains;
  d.mp_length = DV.dict_length;
  d.mp_subscript = DV.dict_subscript;
  d.mp_ass_subscript = DV.dict_ass_sub;
  d.nb_or = DV.dict_or;
  d.nb_inplace_or = DV.dict_ior;
  d.tp_doc =
    "dict() -> new empty dictionary\ndict(mapping) -> new dictionary initialized from a mapping object's\n    (key, value) pairs\ndict(iterable) -> new dictionary initialized as if via:\n    d = {}\n    for k, v in iterable:\n        d[k] = v\ndict(**kwargs) -> new dictionary initialized with the name=value pairs\n    in the keyword argument list.  For example:  dict(one=1, two=2)";
  d.tp_methods = [
    m("__contains__", DV.dict___contains__, METH_O | 0x0040),
    m("__getitem__", DV.dict___getitem__, METH_O | 0x0040),
    m("__sizeof__", DV.dict_sizeof, METH_NOARGS),
    m("get", DV.dict_get, METH_FASTCALL),
    m("setdefault", DV.dict_setdefault, METH_FASTCALL),
    m("pop", DV.dict_pop, METH_FASTCALL),
    m("popitem", DV.dict_popitem, METH_NOARGS),
    m("keys", DV.dict_keys, METH_NOARGS),
    m("items", DV.dict_items, METH_NOARGS),
    m("values", DV.dict_values, METH_NOARGS),
    m("update", DV.dict_update, METH_VARARGS | METH_KEYWORDS),
    m("fromkeys", DV.dict_fromkeys, METH_FASTCALL | METH_CLASS),
    m("clear", DV.dict_clear, METH_NOARGS),
    m("copy", DV.dict_copy, METH_NOARGS),
    m("__reversed__", DV.dict_reversed, METH_NOARGS),
    m(
      "__class_getitem__",
      (cls: PyObject, arg: PyObject) => GA.Py_GenericAlias(cls, arg),
      METH_O | METH_CLASS,
    ),
  ];
  const views: [PyTypeObject, (o: PyObject) => PyObject, ((o: PyObject) => PyObject)][] = [
    [PyDictKeys_Type, DV.dictview_iter_keys, DV.dictview_reversed_keys],
    [PyDictValues_Type, DV.dictview_iter_values, DV.dictview_reversed_values],
    [PyDictItems_Type, DV.dictview_iter_items, DV.dictview_reversed_items],
  ];
  for (const [vt, iter, rev] of views) {
    vt.tp_dealloc = DV.dictview_dealloc;
    vt.tp_traverse = DV.dictview_traverse;
    vt.tp_repr = DV.dictview_repr;
    vt.tp_iter = iter;
    vt.tp_getattro = PyObject_GenericGetAttr;
    vt.sq_length = DV.dictview_len;
    vt.tp_methods = [m("__reversed__", rev, METH_NOARGS)];
    vt.tp_getset = [{ name: "mapping", get: DV.dictview_mapping, set: null }];
    if (vt !== PyDictValues_Type) {
      vt.sq_contains = vt === PyDictKeys_Type ? DV.dictkeys_contains : DV.dictitems_contains;
      vt.nb_subtract = DV.dictviews_sub;
      vt.nb_and = DV.dictviews_and;
      vt.nb_or = DV.dictviews_or;
      vt.nb_xor = DV.dictviews_xor;
      vt.tp_richcompare = DV.dictview_richcompare;
      vt.tp_hash = PyObject_HashNotImplemented;
      vt.tp_methods.push(m("isdisjoint", DV.dictkeys_isdisjoint, METH_O));
    }
  }
  const iters: [PyTypeObject, (o: PyObject) => PyObject | null][] = [
    [PyDictIterKey_Type, DV.dictiter_iternextkey],
    [PyDictIterValue_Type, DV.dictiter_iternextvalue],
    [PyDictIterItem_Type, DV.dictiter_iternextitem],
    [PyDictRevIterKey_Type, DV.dictiter_iternextkey],
    [PyDictRevIterValue_Type, DV.dictiter_iternextvalue],
    [PyDictRevIterItem_Type, DV.dictiter_iternextitem],
  ];
  for (const [it, next] of iters) {
    it.tp_dealloc = DV.dictiter_dealloc;
    it.tp_traverse = DV.dictiter_traverse;
    it.tp_iter = PyObject_SelfIter;
    it.tp_iternext = next;
    it.tp_getattro = PyObject_GenericGetAttr;
    it.tp_methods = [
      m("__length_hint__", (o: PyObject) => PyLong_FromNumber(DV.dictiter_len(o)), METH_NOARGS),
    ];
  }

  for (const st of [PySet_Type, PyFrozenSet_Type]) {
    st.tp_dealloc = S.set_dealloc;
    st.tp_repr = SM.set_repr;
    st.tp_getattro = PyObject_GenericGetAttr;
    st.tp_traverse = S.set_traverse;
    st.tp_richcompare = SM.set_richcompare;
    st.tp_iter = S.set_iter;
    st.tp_free = S.set_free;
    st.sq_length = SM.set_len;
    st.sq_contains = SM.set_contains;
    st.nb_subtract = SM.set_sub;
    st.nb_and = SM.set_and;
    st.nb_xor = SM.set_xor;
    st.nb_or = SM.set_or;
    st.tp_weaklistoffset = 1;
  }
  const s = PySet_Type;
  s.tp_hash = PyObject_HashNotImplemented;
  s.tp_clear = (o) => {
    S.set_clear_internal(o);
    return false;
  };
  s.tp_init = SM.set_init;
  s.tp_new = SM.set_new;
  s.tp_vectorcall = SM.set_vectorcall;
  s.nb_inplace_subtract = SM.set_isub;
  s.nb_inplace_and = SM.set_iand;
  s.nb_inplace_xor = SM.set_ixor;
  s.nb_inplace_or = SM.set_ior;
  const common = [
    m("copy", SM.set_copy_method, METH_NOARGS),
    m("difference", SM.set_difference_multi, METH_FASTCALL),
    m("intersection", SM.set_intersection_multi, METH_FASTCALL),
    m("isdisjoint", SM.set_isdisjoint, METH_O),
    m("issubset", SM.set_issubset, METH_O),
    m("issuperset", SM.set_issuperset, METH_O),
    m("__reduce__", SM.set_reduce, METH_NOARGS),
    m("__sizeof__", SM.set_sizeof, METH_NOARGS),
    m("symmetric_difference", SM.set_symmetric_difference, METH_O),
    m("union", SM.set_union, METH_FASTCALL),
    m(
      "__class_getitem__",
      (cls: PyObject, arg: PyObject) => GA.Py_GenericAlias(cls, arg),
      METH_O | METH_CLASS,
    ),
  ];
  s.tp_methods = [
    m("add", SM.set_add, METH_O),
    m("clear", SM.set_clear, METH_NOARGS),
    m(
      "__contains__",
      (self: PyObject, k: PyObject) => B_(SM.set_contains(self, k)),
      METH_O | 0x0040,
    ),
    m("discard", SM.set_discard, METH_O),
    m("difference_update", SM.set_difference_update, METH_FASTCALL),
    m("intersection_update", SM.set_intersection_update, METH_FASTCALL),
    m("pop", SM.set_pop_method, METH_NOARGS),
    m("remove", SM.set_remove, METH_O),
    m("symmetric_difference_update", SM.set_symmetric_difference_update_method, METH_O),
    m("update", SM.set_update, METH_FASTCALL),
    ...common,
  ];
  const fs = PyFrozenSet_Type;
  fs.tp_hash = S.frozenset_hash;
  fs.tp_new = SM.frozenset_new;
  fs.tp_vectorcall = SM.frozenset_vectorcall;
  fs.tp_methods = [
    m(
      "__contains__",
      (self: PyObject, k: PyObject) => B_(SM.set_contains(self, k)),
      METH_O | 0x0040,
    ),
    ...common,
  ];
  const si = PySetIter_Type;
  si.tp_dealloc = S.setiter_dealloc;
  si.tp_traverse = S.setiter_traverse;
  si.tp_iter = PyObject_SelfIter;
  si.tp_iternext = S.setiter_next;
  si.tp_getattro = PyObject_GenericGetAttr;
  si.tp_methods = [
    m("__length_hint__", (it: PyObject) => PyLong_FromNumber(S.setiter_len(it)), METH_NOARGS),
  ];
}

// ---- range, slice, iterators, singletons -----------------------------------------------------------

function setupMisc(): void {
  const r = PyRange_Type;
  r.tp_dealloc = R.range_dealloc;
  r.tp_repr = R.range_repr;
  r.tp_hash = R.range_hash;
  r.tp_getattro = PyObject_GenericGetAttr;
  r.tp_richcompare = R.range_richcompare;
  r.tp_iter = R.range_iter;
  r.tp_new = (type: PyTypeObject, args: PyObject, kwds: PyObject | null) => {
    if (kwds !== null && kwds.ob_size > 0) {
      throw PyErr_Format(EX.PyExc_TypeError, "range() takes no keyword arguments");
    }
    return R.rangeFromArgs(type, args.ob_item as PyObject[]);
  };
  r.tp_vectorcall = (type, args, offset, nargs, kwnames) => {
    if (kwnames !== null && kwnames.ob_item!.length > 0) {
      throw PyErr_Format(EX.PyExc_TypeError, "range() takes no keyword arguments");
    }
    return R.rangeFromArgs(type as PyTypeObject, args.slice(offset, offset + nargs) as PyObject[]);
  };
  r.tp_free = PyObject_Free;
  r.sq_length = R.range_length;
  r.sq_item = R.range_item;
  r.sq_contains = R.range_contains;
  r.mp_length = R.range_length;
  r.mp_subscript = R.range_subscript;
  r.nb_bool = R.range_bool;
  r.tp_members = R.range_members;
  r.tp_methods = [
    m("__reversed__", R.range_reverse, METH_NOARGS),
    m("count", R.range_count, METH_O),
    m("index", R.range_index, METH_O),
  ];
  const ri = PyRangeIter_Type;
  ri.tp_dealloc = R.rangeiter_dealloc;
  ri.tp_iter = PyObject_SelfIter;
  ri.tp_iternext = R.rangeiter_next;
  ri.tp_getattro = PyObject_GenericGetAttr;
  ri.tp_methods = [
    m("__length_hint__", (it: PyObject) => PyLong_FromNumber(R.rangeiter_len(it)), METH_NOARGS),
  ];
  const lri = PyLongRangeIter_Type;
  lri.tp_dealloc = R.longrangeiter_dealloc;
  lri.tp_iter = PyObject_SelfIter;
  lri.tp_iternext = R.longrangeiter_next;
  lri.tp_getattro = PyObject_GenericGetAttr;
  lri.tp_methods = [m("__length_hint__", R.longrangeiter_len, METH_NOARGS)];

  const sl = PySlice_Type;
  sl.tp_dealloc = SL.slice_dealloc;
  sl.tp_traverse = SL.slice_traverse;
  sl.tp_repr = (o) => {
    const [a, b, c] = o.ob_item as PyObject[];
    return PyUnicode_FromString(
      `slice(${objectOps.reprText(a)}, ${objectOps.reprText(b)}, ${objectOps.reprText(c)})`,
    );
  };
  sl.tp_hash = PyObject_HashNotImplemented;
  sl.tp_getattro = PyObject_GenericGetAttr;
  sl.tp_richcompare = (a, b, op) => {
    if (b.ob_type !== PySlice_Type) return ref(Py_NotImplemented);
    const ta = T.PyTuple_FromArray((a.ob_item as PyObject[]).slice());
    const tb = T.PyTuple_FromArray((b.ob_item as PyObject[]).slice());
    try {
      return objectOps.PyObject_RichCompare(ta, tb, op);
    } finally {
      Py_DECREF(ta);
      Py_DECREF(tb);
    }
  };
  sl.tp_new = (_t: PyTypeObject, args: PyObject, kwds: PyObject | null) => {
    if (kwds !== null && kwds.ob_size > 0) {
      throw PyErr_Format(EX.PyExc_TypeError, "slice() takes no keyword arguments");
    }
    const a = args.ob_item as PyObject[];
    checkPositional("slice", a.length, 1, 3);
    if (a.length === 1) return SL.PySlice_New(null, a[0], null);
    return SL.PySlice_New(a[0], a[1], a.length > 2 ? a[2] : null);
  };
  sl.tp_members = [
    { name: "start", get: (o) => ref((o.ob_item as PyObject[])[0]) },
    { name: "stop", get: (o) => ref((o.ob_item as PyObject[])[1]) },
    { name: "step", get: (o) => ref((o.ob_item as PyObject[])[2]) },
  ];
  sl.tp_methods = [m("indices", SL.slice_indices, METH_O)];

  const nt = PyNone_Type;
  nt.tp_repr = () => PyUnicode_FromString("None");
  nt.tp_dealloc = (o) => {
    o.ob_refcnt = 1 << 29;
  };
  nt.tp_hash = object_hash;
  nt.nb_bool = () => false;
  nt.tp_new = (_t: PyTypeObject, args: PyObject, kwds: PyObject | null) => {
    if (args.ob_item!.length || (kwds !== null && kwds.ob_size > 0)) {
      throw PyErr_Format(EX.PyExc_TypeError, "NoneType takes no arguments");
    }
    return ref(Py_None);
  };
  const ni = PyNotImplemented_Type;
  ni.tp_repr = () => PyUnicode_FromString("NotImplemented");
  ni.tp_dealloc = (o) => {
    o.ob_refcnt = 1 << 29;
  };
  ni.tp_new = () => ref(Py_NotImplemented);
  ni.tp_methods = [m("__reduce__", () => PyUnicode_FromString("NotImplemented"), METH_NOARGS)];
  const el = PyEllipsis_Type;
  el.tp_repr = () => PyUnicode_FromString("Ellipsis");
  el.tp_dealloc = (o) => {
    o.ob_refcnt = 1 << 29;
  };
  el.tp_new = () => ref(Py_Ellipsis);
  el.tp_methods = [m("__reduce__", () => PyUnicode_FromString("Ellipsis"), METH_NOARGS)];

  const si = PySeqIter_Type;
  si.tp_dealloc = IT.seqiter_dealloc;
  si.tp_traverse = IT.seqiter_traverse;
  si.tp_iter = PyObject_SelfIter;
  si.tp_iternext = IT.seqiter_next;
  si.tp_getattro = PyObject_GenericGetAttr;
  si.tp_methods = [m("__length_hint__", IT.seqiter_len, METH_NOARGS)];
  const ci = PyCallIter_Type;
  ci.tp_dealloc = IT.calliter_dealloc;
  ci.tp_traverse = IT.calliter_traverse;
  ci.tp_iter = PyObject_SelfIter;
  ci.tp_iternext = IT.calliter_iternext;
  ci.tp_getattro = PyObject_GenericGetAttr;

  const en = PyEnum_Type;
  en.tp_dealloc = IT.enum_dealloc;
  en.tp_traverse = IT.enum_traverse;
  en.tp_iter = PyObject_SelfIter;
  en.tp_iternext = IT.enum_next;
  en.tp_getattro = PyObject_GenericGetAttr;
  en.tp_new = (type: PyTypeObject, args: PyObject, kwds: PyObject | null) => {
    const a = args.ob_item as PyObject[];
    const kw: PyObject[] = [];
    let names: PyObject | null = null;
    if (kwds !== null && kwds.ob_size > 0) {
      const nm: PyObject[] = [];
      D.dictForEach(kwds, (k, v) => {
        Py_INCREF(k);
        nm.push(k);
        kw.push(v);
      });
      names = T.PyTuple_FromArraySteal(nm);
    }
    try {
      const [iterable, start] = unpackKeywords(
        "enumerate",
        ["iterable", "start"],
        [...a, ...kw],
        0,
        a.length,
        names,
        1,
        2,
        0,
      );
      return IT.enumNew(type, iterable!, start);
    } finally {
      if (names !== null) Py_DECREF(names);
    }
  };
  // enumerate_vectorcall: no argument tuple (so none is left in the tuple free list either)
  en.tp_vectorcall = (type, args, offset, nargs, kwnames) => {
    const names = kwnames === null ? [] : kwnames.ob_item as PyObject[];
    const keyword = (i: number, name: string): boolean => {
      if (U.PyUnicode_AsString(names[i]) === name) return true;
      throw PyErr_Format(
        EX.PyExc_TypeError,
        `'${U.PyUnicode_AsString(names[i])}' is an invalid keyword argument for enumerate()`,
      );
    };
    const t = type as PyTypeObject;
    const given = nargs + names.length;
    if (given === 2) {
      if (names.length === 2 && U.PyUnicode_AsString(names[0]) === "start") {
        keyword(1, "iterable");
        return IT.enumNew(t, args[offset + 1]!, args[offset]!);
      }
      if (names.length === 2) keyword(0, "iterable") && keyword(1, "start");
      if (names.length === 1) keyword(0, "start");
      return IT.enumNew(t, args[offset]!, args[offset + 1]!);
    }
    if (given === 1) {
      if (names.length === 1) keyword(0, "iterable");
      return IT.enumNew(t, args[offset]!, null);
    }
    if (nargs === 0) {
      throw PyErr_Format(EX.PyExc_TypeError, "enumerate() missing required argument 'iterable'");
    }
    throw PyErr_Format(
      EX.PyExc_TypeError,
      `enumerate() takes at most 2 arguments (${given} given)`,
    );
  };
  en.tp_methods = [
    m(
      "__class_getitem__",
      (cls: PyObject, arg: PyObject) => GA.Py_GenericAlias(cls, arg),
      METH_O | METH_CLASS,
    ),
  ];
  const rv = PyReversed_Type;
  rv.tp_dealloc = IT.reversed_dealloc;
  rv.tp_traverse = IT.reversed_traverse;
  rv.tp_iter = PyObject_SelfIter;
  rv.tp_iternext = IT.reversed_next;
  rv.tp_getattro = PyObject_GenericGetAttr;
  rv.tp_methods = [m("__length_hint__", IT.reversed_len, METH_NOARGS)];
  rv.tp_new = (type: PyTypeObject, args: PyObject, kwds: PyObject | null) => {
    if (kwds !== null && kwds.ob_size > 0) {
      throw PyErr_Format(EX.PyExc_TypeError, "reversed() takes no keyword arguments");
    }
    const a = args.ob_item as PyObject[];
    checkPositional("reversed", a.length, 1, 1);
    return IT.reversedNew(type, a[0]);
  };
  // reversed_vectorcall
  rv.tp_vectorcall = (type, args, offset, nargs, kwnames) => {
    noKwnames("reversed", kwnames);
    checkPositional("reversed", nargs, 1, 1);
    return IT.reversedNew(type as PyTypeObject, args[offset]!);
  };
  const mp = PyMap_Type;
  mp.tp_dealloc = IT.map_dealloc;
  mp.tp_traverse = IT.map_traverse;
  mp.tp_iter = PyObject_SelfIter;
  mp.tp_iternext = IT.map_next;
  mp.tp_getattro = PyObject_GenericGetAttr;
  mp.tp_new = (type: PyTypeObject, args: PyObject, kwds: PyObject | null) => {
    // map_new: no keywords for map and for subclasses that keep its __init__
    if (kwds !== null && kwds.ob_size > 0 && (type === PyMap_Type || type.tp_init === mp.tp_init)) {
      throw PyErr_Format(EX.PyExc_TypeError, "map() takes no keyword arguments");
    }
    const a = args.ob_item as PyObject[];
    if (a.length < 2) {
      throw PyErr_Format(EX.PyExc_TypeError, "map() must have at least two arguments.");
    }
    return IT.mapNew(type, a[0], a.slice(1));
  };
  // map_vectorcall: no argument tuple, and no recursion check of its own
  mp.tp_vectorcall = (type, args, offset, nargs, kwnames) => {
    if (type === PyMap_Type) noKwnames("map", kwnames);
    if (nargs < 2) {
      throw PyErr_Format(EX.PyExc_TypeError, "map() must have at least two arguments.");
    }
    return IT.mapNew(
      type as PyTypeObject,
      args[offset]!,
      args.slice(offset + 1, offset + nargs) as PyObject[],
    );
  };
  const fl = PyFilter_Type;
  fl.tp_dealloc = IT.filter_dealloc;
  fl.tp_traverse = IT.filter_traverse;
  fl.tp_iter = PyObject_SelfIter;
  fl.tp_iternext = IT.filter_next;
  fl.tp_getattro = PyObject_GenericGetAttr;
  fl.tp_new = (type: PyTypeObject, args: PyObject, kwds: PyObject | null) => {
    if (
      kwds !== null && kwds.ob_size > 0 && (type === PyFilter_Type || type.tp_init === fl.tp_init)
    ) {
      throw PyErr_Format(EX.PyExc_TypeError, "filter() takes no keyword arguments");
    }
    const a = args.ob_item as PyObject[];
    checkPositional("filter", a.length, 2, 2);
    return IT.filterNew(type, a[0], a[1]);
  };
  // filter_vectorcall
  fl.tp_vectorcall = (type, args, offset, nargs, kwnames) => {
    if (type === PyFilter_Type) noKwnames("filter", kwnames);
    checkPositional("filter", nargs, 2, 2);
    return IT.filterNew(type as PyTypeObject, args[offset]!, args[offset + 1]!);
  };
  const z = PyZip_Type;
  z.tp_dealloc = IT.zip_dealloc;
  z.tp_traverse = IT.zip_traverse;
  z.tp_iter = PyObject_SelfIter;
  z.tp_iternext = IT.zip_next;
  z.tp_getattro = PyObject_GenericGetAttr;
  z.tp_new = (type: PyTypeObject, args: PyObject, kwds: PyObject | null) => {
    let strict = false;
    if (kwds !== null && kwds.ob_size > 0) {
      const s = D.dictGetStr(kwds, _Py_ID("strict"));
      if (s === null || kwds.ob_size > 1) {
        throw PyErr_Format(EX.PyExc_TypeError, "zip() takes at most one keyword argument 'strict'");
      }
      strict = objectOps.PyObject_IsTrue(s);
    }
    return IT.zipNew(type, args.ob_item as PyObject[], strict);
  };

  const ga = PyGenericAlias_Type;
  ga.tp_dealloc = GA.ga_dealloc;
  ga.tp_traverse = GA.ga_traverse;
  ga.tp_repr = GA.ga_repr;
  ga.tp_new = GA.ga_new;
  ga.tp_getattro = GA.ga_getattro;
  ga.tp_hash = GA.ga_hash;
  ga.tp_richcompare = GA.ga_richcompare;
  ga.tp_call = GA.ga_call;
  ga.tp_methods = [
    m("__mro_entries__", GA.ga_mro_entries, METH_O),
    m("__instancecheck__", GA.ga_instancecheck, METH_O),
    m("__subclasscheck__", GA.ga_subclasscheck, METH_O),
    m("__reduce__", GA.ga_reduce, METH_NOARGS),
  ];
  ga.tp_members = [
    { name: "__origin__", get: (o) => ref((o.ob_item as PyObject[])[0]) },
    { name: "__args__", get: (o) => ref((o.ob_item as PyObject[])[1]) },
  ];
}

// ---- functions, methods, descriptors, code, modules ------------------------------------------------

function setupCallables(): void {
  const f = PyFunction_Type;
  f.tp_dealloc = FN.func_dealloc;
  f.tp_new = FN.func_new;
  f.tp_repr = FN.func_repr;
  f.tp_call = PyVectorcall_Call;
  f.tp_getattro = PyObject_GenericGetAttr;
  f.tp_setattro = PyObject_GenericSetAttr;
  f.tp_traverse = FN.func_traverse;
  f.tp_clear = FN.func_clear;
  f.tp_descr_get = FN.func_descr_get;
  f.tp_dictoffset = 1;
  f.tp_weaklistoffset = 1;
  f.tp_getset = FN.func_getset;
  f.tp_members = FN.func_members;
  f.tp_free = PyObject_GC_Del;
  // tp_instance_vectorcall is installed by the eval loop (vm/eval.ts).

  for (
    const [t, init, descrGet, repr] of [
      [PyStaticMethod_Type, FN.sm_init, FN.sm_descr_get, FN.sm_repr],
      [PyClassMethod_Type, FN.cm_init, FN.cm_descr_get, FN.cm_repr],
    ] as const
  ) {
    t.tp_dealloc = FN.descr_wrapper_dealloc;
    t.tp_traverse = FN.descr_wrapper_traverse;
    t.tp_clear = FN.descr_wrapper_clear;
    t.tp_init = init;
    t.tp_new = PyType_GenericNewImpl;
    t.tp_descr_get = descrGet;
    t.tp_repr = repr;
    t.tp_getattro = PyObject_GenericGetAttr;
    t.tp_setattro = PyObject_GenericSetAttr;
    t.tp_dictoffset = 1;
    t.tp_members = FN.wrapper_members;
    t.tp_free = PyObject_GC_Del;
    t.tp_getset = [
      {
        name: "__dict__",
        get: objectOps.PyObject_GenericGetDict,
        set: objectOps.PyObject_GenericSetDict,
      },
      {
        name: "__isabstractmethod__",
        get: (o) => {
          const c = (o.ob_item as PyObject[] | null)?.[0];
          if (!c) return ref(Py_False);
          const v = _PyObject_LookupAttr(c, _Py_ID("__isabstractmethod__"));
          if (v === null) return ref(Py_False);
          return v;
        },
        set: null,
      },
    ];
  }
  PyStaticMethod_Type.tp_call = FN.sm_call;

  const me = PyMethod_Type;
  me.tp_dealloc = CM.method_dealloc;
  me.tp_repr = CM.method_repr;
  me.tp_hash = CM.method_hash;
  me.tp_call = PyVectorcall_Call;
  me.tp_instance_vectorcall = CM.method_vectorcall;
  me.tp_getattro = CM.method_getattro;
  me.tp_setattro = PyObject_GenericSetAttr;
  me.tp_traverse = CM.method_traverse;
  me.tp_richcompare = CM.method_richcompare;
  me.tp_descr_get = CM.method_descr_get;
  me.tp_members = CM.method_members;
  me.tp_new = CM.method_new;
  me.tp_free = PyObject_GC_Del;

  const cf = PyCFunction_Type;
  cf.tp_dealloc = ME.meth_dealloc;
  cf.tp_repr = ME.meth_repr;
  cf.tp_hash = (o) => {
    const d = (o as ME.PyCFunctionObject).ob_data;
    return object_hash(d.self ?? o);
  };
  cf.tp_call = PyVectorcall_Call;
  cf.tp_instance_vectorcall = ME.cfunction_vectorcall;
  cf.tp_getattro = PyObject_GenericGetAttr;
  cf.tp_traverse = ME.meth_traverse;
  cf.tp_richcompare = (a, b, op) => {
    if ((op !== 2 && op !== 3) || b.ob_type !== PyCFunction_Type) return ref(Py_NotImplemented);
    const da = (a as ME.PyCFunctionObject).ob_data, db = (b as ME.PyCFunctionObject).ob_data;
    const eq = da.ml === db.ml && da.self === db.self;
    return ref((op === 2 ? eq : !eq) ? Py_True : Py_False);
  };
  cf.tp_free = PyObject_GC_Del;
  cf.tp_getset = [
    {
      name: "__name__",
      get: (o) => PyUnicode_FromString((o as ME.PyCFunctionObject).ob_data.ml.ml_name),
      set: null,
    },
    { name: "__qualname__", get: (o) => PyUnicode_FromString(ME.meth_qualname(o)), set: null },
    {
      name: "__self__",
      get: (o) => ref((o as ME.PyCFunctionObject).ob_data.self ?? Py_None),
      set: null,
    },
    {
      name: "__doc__",
      get: (o) => {
        const ml = (o as ME.PyCFunctionObject).ob_data.ml;
        const doc = docFromInternalDoc(ml.ml_name, ml.ml_doc ?? null);
        return doc ? PyUnicode_FromString(doc) : ref(Py_None);
      },
      set: null,
    },
    {
      name: "__text_signature__",
      get: (o) => {
        const ml = (o as ME.PyCFunctionObject).ob_data.ml;
        const text = textSignatureFromInternalDoc(ml.ml_name, ml.ml_doc ?? null);
        return text === null ? ref(Py_None) : PyUnicode_FromString(text);
      },
      set: null,
    },
  ];
  cf.tp_members = [
    {
      name: "__module__",
      get: (o) => ref((o as ME.PyCFunctionObject).ob_data.module ?? Py_None),
      set: (o, v) => {
        const d = (o as ME.PyCFunctionObject).ob_data;
        if (v !== null) Py_INCREF(v);
        const old = d.module;
        d.module = v;
        if (old !== null) Py_DECREF(old);
      },
    },
  ];

  const md = PyMethodDescr_Type;
  md.tp_dealloc = DE.descr_dealloc;
  md.tp_repr = DE.method_repr;
  md.tp_call = PyVectorcall_Call;
  md.tp_instance_vectorcall = DE.method_vectorcall;
  md.tp_getattro = PyObject_GenericGetAttr;
  md.tp_traverse = DE.descr_traverse;
  md.tp_descr_get = DE.method_get;
  const cmd = PyClassMethodDescr_Type;
  cmd.tp_dealloc = DE.descr_dealloc;
  cmd.tp_repr = DE.method_repr;
  cmd.tp_call = DE.classmethoddescr_call;
  cmd.tp_getattro = PyObject_GenericGetAttr;
  cmd.tp_traverse = DE.descr_traverse;
  cmd.tp_descr_get = DE.classmethod_get;
  const mbr = PyMemberDescr_Type;
  mbr.tp_dealloc = DE.descr_dealloc;
  mbr.tp_repr = DE.member_repr;
  mbr.tp_getattro = PyObject_GenericGetAttr;
  mbr.tp_traverse = DE.descr_traverse;
  mbr.tp_descr_get = DE.member_get;
  mbr.tp_descr_set = DE.member_set;
  const gs = PyGetSetDescr_Type;
  gs.tp_dealloc = DE.descr_dealloc;
  gs.tp_repr = DE.getset_repr;
  gs.tp_getattro = PyObject_GenericGetAttr;
  gs.tp_traverse = DE.descr_traverse;
  gs.tp_descr_get = DE.getset_get;
  gs.tp_descr_set = DE.getset_set;
  const wd = PyWrapperDescr_Type;
  wd.tp_dealloc = DE.descr_dealloc;
  wd.tp_repr = DE.wrapperdescr_repr;
  wd.tp_call = DE.wrapperdescr_call;
  wd.tp_getattro = PyObject_GenericGetAttr;
  wd.tp_traverse = DE.descr_traverse;
  wd.tp_descr_get = DE.wrapperdescr_get;
  for (const dt of [md, cmd, mbr, gs, wd]) {
    dt.tp_getset = [
      { name: "__name__", get: (o) => ref(DE.descrName(o)), set: null },
      { name: "__qualname__", get: (o) => PyUnicode_FromString(DE.descrQualname(o)), set: null },
      { name: "__objclass__", get: (o) => ref(DE.PyDescr_TYPE(o)), set: null },
      {
        name: "__doc__",
        get: (o) => {
          const ml = (o as DE.PyDescrObject).ob_data.ml;
          return ml?.ml_doc ? PyUnicode_FromString(ml.ml_doc) : ref(Py_None);
        },
        set: null,
      },
    ];
  }
  const mw = PyMethodWrapper_Type;
  mw.tp_dealloc = DE.wrapper_dealloc;
  mw.tp_repr = DE.wrapper_repr;
  mw.tp_call = DE.wrapper_call;
  mw.tp_getattro = PyObject_GenericGetAttr;
  mw.tp_traverse = DE.wrapper_traverse;
  mw.tp_getset = [
    { name: "__self__", get: (o) => ref(DE.wrapperParts(o)[1]), set: null },
    { name: "__name__", get: (o) => ref(DE.descrName(DE.wrapperParts(o)[0])), set: null },
  ];

  const p = PyProperty_Type;
  p.tp_dealloc = DE.property_dealloc;
  p.tp_traverse = DE.property_traverse;
  p.tp_getattro = PyObject_GenericGetAttr;
  p.tp_descr_get = DE.property_descr_get;
  p.tp_descr_set = DE.property_descr_set;
  p.tp_free = PyObject_GC_Del;
  p.tp_new = (type: PyTypeObject) => {
    const o = PyType_GenericAlloc(type, 0);
    o.ob_data = { fget: null, fset: null, fdel: null, doc: null, getterDoc: false, name: null };
    return o;
  };
  p.tp_init = propertyInit;
  const prop = (key: "fget" | "fset" | "fdel" | "doc") => ({
    name: key,
    get: (o: PyObject) => ref(DE.propertyFields(o)[key] ?? Py_None),
    set: null,
  });
  p.tp_members = [prop("fget"), prop("fset"), prop("fdel"), {
    name: "__doc__",
    get: (o: PyObject) => ref(DE.propertyFields(o).doc ?? Py_None),
    set: (o: PyObject, v: PyObject | null) => {
      const pf = DE.propertyFields(o);
      if (v !== null) Py_INCREF(v);
      const old = pf.doc;
      pf.doc = v;
      if (old !== null) Py_DECREF(old);
    },
  }];
  p.tp_methods = [
    m("getter", (self: PyObject, f: PyObject) => propertyCopy(self, f, "fget"), METH_O),
    m("setter", (self: PyObject, f: PyObject) => propertyCopy(self, f, "fset"), METH_O),
    m("deleter", (self: PyObject, f: PyObject) => propertyCopy(self, f, "fdel"), METH_O),
    m("__set_name__", (self: PyObject, args: PyObject[], off: number, nargs: number) => {
      if (nargs !== 2) {
        throw PyErr_Format(
          EX.PyExc_TypeError,
          `__set_name__() takes 2 positional arguments but ${nargs} were given`,
        );
      }
      const pf = DE.propertyFields(self);
      const name = args[off + 1];
      Py_INCREF(name);
      const old = pf.name;
      pf.name = name;
      if (old !== null) Py_DECREF(old);
      return none();
    }, METH_FASTCALL),
  ];
  p.tp_getset = [{
    name: "__isabstractmethod__",
    get: (o) => {
      const pf = DE.propertyFields(o);
      for (const f of [pf.fget, pf.fset, pf.fdel]) {
        if (f === null) continue;
        const v = _PyObject_LookupAttr(f, _Py_ID("__isabstractmethod__"));
        if (v !== null) {
          const t = objectOps.PyObject_IsTrue(v);
          Py_DECREF(v);
          if (t) return ref(Py_True);
        }
      }
      return ref(Py_False);
    },
    set: null,
  }];

  const mpx = PyDictProxy_Type;
  mpx.tp_dealloc = DE.mappingproxy_dealloc;
  mpx.tp_new = DE.mappingproxy_new;
  mpx.tp_traverse = DE.mappingproxy_traverse;
  mpx.tp_repr = DE.mappingproxy_repr;
  mpx.tp_str = (o) => objectOps.PyObject_Str(DE.mappingproxyMapping(o)); // mappingproxy_str
  mpx.tp_getattro = PyObject_GenericGetAttr;
  mpx.tp_iter = (o) => PyObject_GetIter(DE.mappingproxyMapping(o));
  mpx.mp_length = (o) => abstractApi.PyObject_Size(DE.mappingproxyMapping(o));
  mpx.mp_subscript = (o, k) => abstractApi.PyObject_GetItem(DE.mappingproxyMapping(o), k);
  mpx.sq_contains = (o, k) => abstractApi.PySequence_Contains(DE.mappingproxyMapping(o), k);
  mpx.tp_richcompare = (a, b, op) =>
    objectOps.PyObject_RichCompare(DE.mappingproxyMapping(a), b, op);
  const delegate = (name: string) =>
    m(name, (self: PyObject, args: PyObject[], off: number, nargs: number) => {
      const meth = objectOps.PyObject_GetAttr(DE.mappingproxyMapping(self), _Py_ID(name));
      try {
        const { PyObject_Vectorcall } = callApi;
        return PyObject_Vectorcall(meth, args, off, nargs, null);
      } finally {
        Py_DECREF(meth);
      }
    }, METH_FASTCALL);
  mpx.tp_methods = ["get", "keys", "values", "items", "copy"].map(delegate);

  const ce = PyCell_Type;
  ce.tp_dealloc = CE.cell_dealloc;
  ce.tp_repr = CE.cell_repr;
  ce.tp_getattro = PyObject_GenericGetAttr;
  ce.tp_traverse = CE.cell_traverse;
  ce.tp_clear = CE.cell_clear;
  ce.tp_richcompare = CE.cell_richcompare;
  ce.tp_hash = PyObject_HashNotImplemented;
  ce.tp_getset = [{
    name: "cell_contents",
    get: (o) => {
      const v = CE.PyCell_GET(o);
      if (v === null) throw PyErr_Format(EX.PyExc_ValueError, "Cell is empty");
      return ref(v);
    },
    set: (o, v) => CE.PyCell_Set(o, v),
  }];

  const co = PyCode_Type;
  co.tp_dealloc = CO.code_dealloc;
  co.tp_repr = CO.code_repr;
  co.tp_getattro = PyObject_GenericGetAttr;
  co.tp_hash = CO.code_hash;
  co.tp_richcompare = CO.code_richcompare;
  co.tp_members = codeMembers();
  co.tp_methods = [
    m("__sizeof__", (self: PyObject) => PyLong_FromNumber(CO.codeSize(self)), METH_NOARGS),
    m("co_lines", CO.code_co_lines, METH_NOARGS),
    m("co_positions", CO.code_co_positions, METH_NOARGS),
    m("_varname_from_oparg", CO.code__varname_from_oparg, METH_O),
    m(
      "replace",
      (self: PyObject, args: PyObject[], off: number, nargs: number, kw: PyObject | null) => {
        if (nargs > 0) {
          throw PyErr_Format(EX.PyExc_TypeError, "replace() takes no positional arguments");
        }
        const values = unpackKeywords(
          "replace",
          CO.CODE_REPLACE_PARAMS,
          args,
          off,
          0,
          kw,
          0,
          0,
          0,
        );
        return CO.code_replace(self, values);
      },
      METH_FASTCALL | METH_KEYWORDS,
    ),
  ];

  const mo = PyModule_Type;
  mo.tp_dealloc = MO.module_dealloc;
  mo.tp_repr = MO.module_repr;
  mo.tp_getattro = MO.module_getattro;
  mo.tp_setattro = PyObject_GenericSetAttr;
  mo.tp_traverse = MO.module_traverse;
  mo.tp_new = MO.module_new;
  mo.tp_init = MO.module_init;
  mo.tp_dictoffset = 1;
  mo.tp_free = PyObject_GC_Del;
  mo.tp_getset = MO.module_getset;
  mo.tp_methods = [m("__dir__", (self: PyObject) => {
    const d = self.ob_dict!;
    const keys = D.dictKeyList(d);
    return LI.PyList_FromArray(keys);
  }, METH_NOARGS)];

  const su = PySuper_Type;
  su.tp_dealloc = super_dealloc;
  su.tp_repr = super_repr;
  su.tp_getattro = super_getattro;
  su.tp_traverse = super_traverse;
  su.tp_descr_get = super_descr_get;
  su.tp_init = super_init;
  su.tp_new = super_new;
  su.tp_free = PyObject_GC_Del;
  su.tp_members = [
    { name: "__thisclass__", get: (o) => ref((o.ob_item as PyObject[])[0] ?? Py_None) },
    { name: "__self__", get: (o) => ref((o.ob_item as PyObject[])[1] ?? Py_None) },
    { name: "__self_class__", get: (o) => ref((o.ob_item as PyObject[])[2] ?? Py_None) },
  ];

  const ns = PySimpleNamespace_Type;
  ns.tp_dealloc = subtype_dealloc_simple;
  ns.tp_getattro = PyObject_GenericGetAttr;
  ns.tp_setattro = PyObject_GenericSetAttr;
  ns.tp_dictoffset = 1;
  ns.tp_free = PyObject_GC_Del;
  ns.tp_new = (type: PyTypeObject) => {
    const o = PyType_GenericAlloc(type, 0);
    o.ob_dict = D.PyDict_New();
    return o;
  };
  ns.tp_init = (self: PyObject, args: PyObject, kwds: PyObject | null) => {
    if (args.ob_item!.length) {
      throw PyErr_Format(EX.PyExc_TypeError, "no positional arguments expected");
    }
    if (kwds !== null) D.dict_merge(self.ob_dict!, kwds, true);
  };
  ns.tp_repr = (self: PyObject) => {
    const parts: string[] = [];
    D.dictForEach(self.ob_dict!, (k, v) => parts.push(`${str(k)}=${objectOps.reprText(v)}`));
    const name = self.ob_type === PySimpleNamespace_Type ? "namespace" : self.ob_type.tp_name;
    return PyUnicode_FromString(`${name}(${parts.join(", ")})`);
  };
  ns.tp_richcompare = (a, b, op) => {
    if ((op !== 2 && op !== 3) || !PyType_IsSubtypeLocal(b.ob_type, PySimpleNamespace_Type)) {
      return ref(Py_NotImplemented);
    }
    return objectOps.PyObject_RichCompare(a.ob_dict!, b.ob_dict!, op);
  };
  ns.tp_traverse = (o, visit, arg) => (o.ob_dict !== null ? visit(o.ob_dict, arg) : 0);
  // A read-only member, as namespace_members has it: vars(ns) and ns.__dict__ answer with it.
  ns.tp_members = [{ name: "__dict__", get: (o) => ref(o.ob_dict ?? Py_None) }];
}

import {
  PyObject_GC_UnTrack,
  PyType_IsSubtype as PyType_IsSubtypeLocal,
  staticTypes,
} from "./object.ts";
import * as callApi from "./call.ts";

function subtype_dealloc_simple(o: PyObject): void {
  PyObject_GC_UnTrack(o);
  const d = o.ob_dict;
  o.ob_dict = null;
  if (d !== null) Py_DECREF(d);
  o.ob_type.tp_free!(o);
}

function PyType_GenericNewImpl(
  type: PyTypeObject,
  _args: PyObject,
  _kwds: PyObject | null,
): PyObject {
  return PyType_GenericAlloc(type, 0);
}

function propertyInit(self: PyObject, args: PyObject, kwds: PyObject | null): void {
  const a = args.ob_item as PyObject[];
  const kw: PyObject[] = [];
  let names: PyObject | null = null;
  if (kwds !== null && kwds.ob_size > 0) {
    const nm: PyObject[] = [];
    D.dictForEach(kwds, (k, v) => {
      Py_INCREF(k);
      nm.push(k);
      kw.push(v);
    });
    names = T.PyTuple_FromArraySteal(nm);
  }
  let fget: PyObject | null, fset: PyObject | null, fdel: PyObject | null, doc: PyObject | null;
  try {
    [fget, fset, fdel, doc] = unpackKeywords(
      "property",
      ["fget", "fset", "fdel", "doc"],
      [...a, ...kw],
      0,
      a.length,
      names,
      0,
      4,
      0,
    );
  } finally {
    if (names !== null) Py_DECREF(names);
  }
  const pf = DE.propertyFields(self);
  const set = (key: "fget" | "fset" | "fdel" | "doc", v: PyObject | null) => {
    if (v === Py_None) v = null;
    if (v !== null) Py_INCREF(v);
    const old = pf[key];
    pf[key] = v;
    if (old !== null) Py_DECREF(old);
  };
  set("fget", fget);
  set("fset", fset);
  set("fdel", fdel);
  set("doc", doc);
  pf.getterDoc = false;
  if ((doc === null || doc === Py_None) && fget !== null && fget !== Py_None) {
    const getDoc = _PyObject_LookupAttr(fget, _Py_ID("__doc__"));
    if (getDoc !== null) {
      if (self.ob_type === PyProperty_Type) {
        set("doc", getDoc);
      } else {
        objectOps.PyObject_SetAttr(self, _Py_ID("__doc__"), getDoc);
      }
      Py_DECREF(getDoc);
      pf.getterDoc = true;
    }
  }
}

/** property_copy: a new property with one accessor replaced. */
function propertyCopy(old: PyObject, f: PyObject, key: "fget" | "fset" | "fdel"): PyObject {
  const pf = DE.propertyFields(old);
  const get = key === "fget" ? f : pf.fget ?? Py_None;
  const set = key === "fset" ? f : pf.fset ?? Py_None;
  const del = key === "fdel" ? f : pf.fdel ?? Py_None;
  const doc = pf.getterDoc && get !== Py_None ? Py_None : pf.doc ?? Py_None;
  const type = old.ob_type;
  const { PyObject_CallArgs } = callApi;
  const made = PyObject_CallArgs(type, get, set, del, doc);
  if (PyType_IsSubtypeLocal(made.ob_type, PyProperty_Type)) {
    const name = pf.name;
    if (name !== null) Py_INCREF(name);
    const mf = DE.propertyFields(made);
    const prev = mf.name;
    mf.name = name;
    if (prev !== null) Py_DECREF(prev);
  }
  return made;
}

function codeMembers(): PyMemberDef[] {
  const cd = CO.codeData;
  const tupleOfNames = (o: PyObject, kind: number) =>
    T.PyTuple_FromArray(CO.namesByKind(cd(o), kind));
  return [
    { name: "co_argcount", get: (o) => PyLong_FromNumber(cd(o).co_argcount) },
    { name: "co_posonlyargcount", get: (o) => PyLong_FromNumber(cd(o).co_posonlyargcount) },
    { name: "co_kwonlyargcount", get: (o) => PyLong_FromNumber(cd(o).co_kwonlyargcount) },
    { name: "co_stacksize", get: (o) => PyLong_FromNumber(cd(o).co_stacksize) },
    { name: "co_flags", get: (o) => PyLong_FromNumber(cd(o).co_flags) },
    { name: "co_nlocals", get: (o) => PyLong_FromNumber(cd(o).co_nlocals) },
    { name: "co_firstlineno", get: (o) => PyLong_FromNumber(cd(o).co_firstlineno) },
    { name: "co_consts", get: (o) => ref(cd(o).co_consts) },
    { name: "co_names", get: (o) => ref(cd(o).co_names) },
    { name: "co_filename", get: (o) => ref(cd(o).co_filename) },
    { name: "co_name", get: (o) => ref(cd(o).co_name) },
    { name: "co_qualname", get: (o) => ref(cd(o).co_qualname) },
    { name: "co_varnames", get: (o) => tupleOfNames(o, 0x20) },
    { name: "co_cellvars", get: (o) => tupleOfNames(o, 0x40) },
    { name: "co_freevars", get: (o) => tupleOfNames(o, 0x80) },
    { name: "co_code", get: (o) => BY.PyBytes_FromBytes(cd(o).code) },
    { name: "co_linetable", get: (o) => BY.PyBytes_FromBytes(cd(o).co_linetable) },
    { name: "co_exceptiontable", get: (o) => BY.PyBytes_FromBytes(cd(o).co_exceptiontable) },
  ];
}

// ---- exceptions ------------------------------------------------------------------------------------

function setupExceptions(): void {
  setupUnicodeErrors();
  for (const t of EX.builtinExceptions.values()) {
    t.tp_getattro = PyObject_GenericGetAttr;
    t.tp_setattro = PyObject_GenericSetAttr;
  }
  // ExceptionGroup's second base
  const eg = EX.PyExc_ExceptionGroup;
  eg.tp_bases = null;
}

function readyExceptionGroup(): void {
  const eg = EX.PyExc_ExceptionGroup;
  eg.tp_bases = T.PyTuple_FromArray([EX.PyExc_BaseExceptionGroup, EX.PyExc_Exception]);
  eg.tp_bases.ob_refcnt += 1 << 28;
}

let ready = false;

/** Installs every built-in type's slots and readies the types (once). */
export function initTypes(): void {
  if (ready) return;
  ready = true;
  setupObject();
  setupType();
  setupNumbers();
  setupStr();
  setupContainers();
  setupMisc();
  setupCallables();
  setupExceptions();
  readyExceptionGroup();
  // `case int(x):` binds the subject itself for these types (and their subclasses).
  for (
    const t of [
      PyBool_Type,
      PyByteArray_Type,
      PyBytes_Type,
      PyDict_Type,
      PyFloat_Type,
      PyFrozenSet_Type,
      PyLong_Type,
      PyList_Type,
      PySet_Type,
      PyUnicode_Type,
      PyTuple_Type,
    ]
  ) t.tp_flags |= Py_TPFLAGS_MATCH_SELF;
  const order: PyTypeObject[] = [
    PyBaseObject_Type,
    PyType_Type,
    PyUnicode_Type,
    PyDict_Type,
    PyTuple_Type,
    PyList_Type,
    PyLong_Type,
    PyBool_Type,
    PyFloat_Type,
    PyComplex_Type,
    PyBytes_Type,
    PySet_Type,
    PyFrozenSet_Type,
  ];
  for (const t of order) PyType_Ready(t);
  for (const t of staticTypes) PyType_Ready(t);
  for (const t of EX.builtinExceptions.values()) PyType_Ready(t);
}

export {
  METH_KEYWORDS,
  PyByteArray_Type,
  PyCoro_Type,
  PyFrame_Type,
  PyGen_Type,
  PySequence_Tuple,
  PyTraceBack_Type,
};
