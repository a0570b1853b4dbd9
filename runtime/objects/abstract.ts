// The abstract object protocols (Objects/abstract.c): numbers (binary_op1 with the
// reflected-operand rules, in-place fallbacks, sequence concatenation and repetition),
// subscription, sequences, iteration, isinstance/issubclass and format().

import {
  type binaryfunc,
  Py_DECREF,
  Py_EQ,
  Py_INCREF,
  Py_None,
  Py_NotImplemented,
  Py_TPFLAGS_HEAPTYPE,
  Py_TPFLAGS_TYPE_SUBCLASS,
  Py_XDECREF,
  PyBool_Type,
  PyFloat_Type,
  PyList_Type,
  PyLong_Type,
  PyObject,
  PyTuple_Type,
  PyType_IsSubtype,
  PyType_Type,
  type PyTypeObject,
  PyUnicode_Type,
  type ssizeargfunc,
  type ternaryfunc,
} from "./object.ts";
import { PyErr_Format } from "./errors.ts";
import {
  PyExc_AttributeError,
  PyExc_DeprecationWarning,
  PyExc_IndexError,
  PyExc_OverflowError,
  PyExc_StopIteration,
  PyExc_TypeError,
  PyExc_ValueError,
} from "./exceptions.ts";
import {
  _PyObject_LookupAttr,
  Py_EnterRecursiveCall,
  Py_LeaveRecursiveCall,
  PyObject_GetAttr,
  PyObject_IsTrue,
  PyObject_RichCompareBool,
  PyObject_Str,
  str,
} from "./objectops.ts";
import { _Py_ID, PyUnicode_Check, PyUnicode_FromString, unicode_empty } from "./unicodeobject.ts";
import {
  longValue,
  parseIntLiteral,
  PyLong_Check,
  PyLong_CheckExact,
  PyLong_FromNumber,
  PyLong_FromValue,
  toBigInt,
} from "./longobject.ts";
import { PyTuple_CheckExact, PyTuple_FromArray, PyTuple_FromArraySteal } from "./tupleobject.ts";
import {
  _PyList_AppendTakeRef,
  list_extend,
  PyList_AsTuple,
  PyList_FromArraySteal,
} from "./listobject.ts";
import { PyObject_CallArgs, PyObject_CallNoArgs, PyObject_CallOneArg } from "./call.ts";
import { _PyType_Lookup, lookupMaybeMethod } from "./typeobject.ts";
import { PySeqIter_New } from "./iterobject.ts";
import { PyFloat_FromDouble } from "./floatobject.ts";

// ---- numbers ------------------------------------------------------------------------------------

type NbSlot =
  | "nb_add"
  | "nb_subtract"
  | "nb_multiply"
  | "nb_remainder"
  | "nb_divmod"
  | "nb_lshift"
  | "nb_rshift"
  | "nb_and"
  | "nb_xor"
  | "nb_or"
  | "nb_floor_divide"
  | "nb_true_divide"
  | "nb_matrix_multiply"
  | "nb_inplace_add"
  | "nb_inplace_subtract"
  | "nb_inplace_multiply"
  | "nb_inplace_remainder"
  | "nb_inplace_lshift"
  | "nb_inplace_rshift"
  | "nb_inplace_and"
  | "nb_inplace_xor"
  | "nb_inplace_or"
  | "nb_inplace_floor_divide"
  | "nb_inplace_true_divide"
  | "nb_inplace_matrix_multiply";

function notImpl(): PyObject {
  Py_INCREF(Py_NotImplemented);
  return Py_NotImplemented;
}

/** binary_op1: v's slot, w's slot (first if w's type is a subtype), NotImplemented else. */
export function binary_op1(v: PyObject, w: PyObject, slot: NbSlot): PyObject {
  return binaryOp1Slots(
    v,
    w,
    v.ob_type[slot] as binaryfunc | null,
    w.ob_type[slot] as binaryfunc | null,
  );
}

/**
 * binary_op1 given both types' slot functions: the callers read them by their constant
 * names, so that each read is a monomorphic field load, not a lookup by a name in a variable.
 */
function binaryOp1Slots(
  v: PyObject,
  w: PyObject,
  slotv: binaryfunc | null,
  slotw: binaryfunc | null,
): PyObject {
  const vt = v.ob_type, wt = w.ob_type;
  if (wt === vt || slotw === slotv) slotw = null;
  if (slotv !== null) {
    if (slotw !== null && PyType_IsSubtype(wt, vt)) {
      const x = slotw(v, w);
      if (x !== Py_NotImplemented) return x;
      Py_DECREF(x);
      slotw = null;
    }
    const x = slotv(v, w);
    if (x !== Py_NotImplemented) return x;
    Py_DECREF(x);
  }
  if (slotw !== null) {
    const x = slotw(v, w);
    if (x !== Py_NotImplemented) return x;
    Py_DECREF(x);
  }
  return notImpl();
}

function binopTypeError(v: PyObject, w: PyObject, opName: string): PyObject {
  return PyErr_Format(
    PyExc_TypeError,
    `unsupported operand type(s) for ${opName}: '${v.ob_type.tp_name}' and '${w.ob_type.tp_name}'`,
  );
}

/** The result of binaryOp1Slots, or the TypeError binary_op raises for NotImplemented. */
function binaryOp(v: PyObject, w: PyObject, r: PyObject, opName: string): PyObject {
  if (r === Py_NotImplemented) {
    Py_DECREF(r);
    if (
      opName === ">>" && v.ob_type.tp_name === "builtin_function_or_method" &&
      str(getName(v)) === "print"
    ) {
      throw PyErr_Format(
        PyExc_TypeError,
        `unsupported operand type(s) for >>: 'builtin_function_or_method' and '${w.ob_type.tp_name}'. Did you mean "print(<message>, file=<output_stream>)"?`,
      );
    }
    throw binopTypeError(v, w, opName);
  }
  return r;
}

function getName(v: PyObject): PyObject {
  return (v.ob_data as { ml: { ml_name: string } }).ml.ml_name === "print"
    ? _Py_ID("print")
    : _Py_ID("");
}

/** Whether CPython's type would have a tp_as_sequence struct. */
function hasSeqMethods(t: PyTypeObject): boolean {
  return (t.tp_flags & Py_TPFLAGS_HEAPTYPE) !== 0 || t.sq_length !== null ||
    t.sq_concat !== null || t.sq_repeat !== null || t.sq_item !== null ||
    t.sq_contains !== null;
}

export function PyNumber_Add(v: PyObject, w: PyObject): PyObject {
  const r = binaryOp1Slots(v, w, v.ob_type.nb_add, w.ob_type.nb_add);
  if (r !== Py_NotImplemented) return r;
  Py_DECREF(r);
  const f = v.ob_type.sq_concat;
  if (f !== null) return f(v, w);
  throw binopTypeError(v, w, "+");
}

function sequenceRepeat(f: ssizeargfunc, seq: PyObject, n: PyObject): PyObject {
  if (!PyIndex_Check(n)) {
    throw PyErr_Format(
      PyExc_TypeError,
      `can't multiply sequence by non-int of type '${n.ob_type.tp_name}'`,
    );
  }
  const count = PyNumber_AsSsize_t(n, PyExc_OverflowError);
  return f(seq, count);
}

export function PyNumber_Multiply(v: PyObject, w: PyObject): PyObject {
  const r = binaryOp1Slots(v, w, v.ob_type.nb_multiply, w.ob_type.nb_multiply);
  if (r !== Py_NotImplemented) return r;
  Py_DECREF(r);
  if (v.ob_type.sq_repeat !== null) return sequenceRepeat(v.ob_type.sq_repeat, v, w);
  if (w.ob_type.sq_repeat !== null) return sequenceRepeat(w.ob_type.sq_repeat, w, v);
  throw binopTypeError(v, w, "*");
}

export const PyNumber_Subtract = (v: PyObject, w: PyObject) =>
  binaryOp(v, w, binaryOp1Slots(v, w, v.ob_type.nb_subtract, w.ob_type.nb_subtract), "-");
export const PyNumber_Remainder = (v: PyObject, w: PyObject) =>
  binaryOp(v, w, binaryOp1Slots(v, w, v.ob_type.nb_remainder, w.ob_type.nb_remainder), "%");
export const PyNumber_Divmod = (v: PyObject, w: PyObject) =>
  binaryOp(v, w, binaryOp1Slots(v, w, v.ob_type.nb_divmod, w.ob_type.nb_divmod), "divmod()");
export const PyNumber_Lshift = (v: PyObject, w: PyObject) =>
  binaryOp(v, w, binaryOp1Slots(v, w, v.ob_type.nb_lshift, w.ob_type.nb_lshift), "<<");
export const PyNumber_Rshift = (v: PyObject, w: PyObject) =>
  binaryOp(v, w, binaryOp1Slots(v, w, v.ob_type.nb_rshift, w.ob_type.nb_rshift), ">>");
export const PyNumber_And = (v: PyObject, w: PyObject) =>
  binaryOp(v, w, binaryOp1Slots(v, w, v.ob_type.nb_and, w.ob_type.nb_and), "&");
export const PyNumber_Xor = (v: PyObject, w: PyObject) =>
  binaryOp(v, w, binaryOp1Slots(v, w, v.ob_type.nb_xor, w.ob_type.nb_xor), "^");
export const PyNumber_Or = (v: PyObject, w: PyObject) =>
  binaryOp(v, w, binaryOp1Slots(v, w, v.ob_type.nb_or, w.ob_type.nb_or), "|");
export const PyNumber_FloorDivide = (v: PyObject, w: PyObject) =>
  binaryOp(v, w, binaryOp1Slots(v, w, v.ob_type.nb_floor_divide, w.ob_type.nb_floor_divide), "//");
export const PyNumber_TrueDivide = (v: PyObject, w: PyObject) =>
  binaryOp(v, w, binaryOp1Slots(v, w, v.ob_type.nb_true_divide, w.ob_type.nb_true_divide), "/");
export const PyNumber_MatrixMultiply = (v: PyObject, w: PyObject) =>
  binaryOp(
    v,
    w,
    binaryOp1Slots(v, w, v.ob_type.nb_matrix_multiply, w.ob_type.nb_matrix_multiply),
    "@",
  );

/** ternary_op for pow() and **. */
export function PyNumber_Power(v: PyObject, w: PyObject, z: PyObject): PyObject {
  // An exact float to the power of an exact float or int, or an int to an int's: the left
  // type's nb_power is the one slot ternary_op calls (int is no subtype of float), and for
  // these operands it never answers NotImplemented.
  const vt = v.ob_type, wt = w.ob_type;
  if (
    z === Py_None &&
    ((vt === PyFloat_Type && (wt === PyFloat_Type || wt === PyLong_Type)) ||
      (vt === PyLong_Type && wt === PyLong_Type))
  ) {
    return vt.nb_power!(v, w, z);
  }
  return ternaryOp(v, w, z, "nb_power", "** or pow()");
}

function ternaryOp(
  v: PyObject,
  w: PyObject,
  z: PyObject,
  slot: "nb_power",
  opName: string,
): PyObject {
  const slotv = v.ob_type[slot] as ternaryfunc | null;
  let slotw: ternaryfunc | null = null;
  if (w.ob_type !== v.ob_type) {
    slotw = w.ob_type[slot] as ternaryfunc | null;
    if (slotw === slotv) slotw = null;
  }
  if (slotv !== null) {
    if (slotw !== null && PyType_IsSubtype(w.ob_type, v.ob_type)) {
      const x = slotw(v, w, z);
      if (x !== Py_NotImplemented) return x;
      Py_DECREF(x);
      slotw = null;
    }
    const x = slotv(v, w, z);
    if (x !== Py_NotImplemented) return x;
    Py_DECREF(x);
  }
  if (slotw !== null) {
    const x = slotw(v, w, z);
    if (x !== Py_NotImplemented) return x;
    Py_DECREF(x);
  }
  let slotz = z.ob_type[slot] as ternaryfunc | null;
  if (slotz === slotv || slotz === slotw) slotz = null;
  if (slotz !== null) {
    const x = slotz(v, w, z);
    if (x !== Py_NotImplemented) return x;
    Py_DECREF(x);
  }
  if (z === Py_None) {
    throw PyErr_Format(
      PyExc_TypeError,
      `unsupported operand type(s) for ${opName}: '${v.ob_type.tp_name}' and '${w.ob_type.tp_name}'`,
    );
  }
  throw PyErr_Format(
    PyExc_TypeError,
    `unsupported operand type(s) for ${opName}: '${v.ob_type.tp_name}', '${w.ob_type.tp_name}', '${z.ob_type.tp_name}'`,
  );
}

/** binary_iop1: v's in-place slot `f` first, then binary_op1 with the plain slots. */
function binaryIop1(
  v: PyObject,
  w: PyObject,
  f: binaryfunc | null,
  slotv: binaryfunc | null,
  slotw: binaryfunc | null,
): PyObject {
  if (f !== null) {
    const x = f(v, w);
    if (x !== Py_NotImplemented) return x;
    Py_DECREF(x);
  }
  return binaryOp1Slots(v, w, slotv, slotw);
}

/** The result of binaryIop1, or the TypeError binary_iop raises for NotImplemented. */
function binaryIop(v: PyObject, w: PyObject, r: PyObject, opName: string) {
  if (r === Py_NotImplemented) {
    Py_DECREF(r);
    throw binopTypeError(v, w, opName);
  }
  return r;
}

export function PyNumber_InPlaceAdd(v: PyObject, w: PyObject): PyObject {
  const r = binaryIop1(v, w, v.ob_type.nb_inplace_add, v.ob_type.nb_add, w.ob_type.nb_add);
  if (r !== Py_NotImplemented) return r;
  Py_DECREF(r);
  if (hasSeqMethods(v.ob_type)) {
    const f = v.ob_type.sq_inplace_concat ?? v.ob_type.sq_concat;
    if (f !== null) return f(v, w);
  }
  throw binopTypeError(v, w, "+=");
}

export function PyNumber_InPlaceMultiply(v: PyObject, w: PyObject): PyObject {
  const r = binaryIop1(
    v,
    w,
    v.ob_type.nb_inplace_multiply,
    v.ob_type.nb_multiply,
    w.ob_type.nb_multiply,
  );
  if (r !== Py_NotImplemented) return r;
  Py_DECREF(r);
  if (hasSeqMethods(v.ob_type)) {
    const f = v.ob_type.sq_inplace_repeat ?? v.ob_type.sq_repeat;
    if (f !== null) return sequenceRepeat(f, v, w);
  } else if (hasSeqMethods(w.ob_type)) {
    if (w.ob_type.sq_repeat !== null) return sequenceRepeat(w.ob_type.sq_repeat, w, v);
  }
  throw binopTypeError(v, w, "*=");
}

export const PyNumber_InPlaceSubtract = (v: PyObject, w: PyObject) =>
  binaryIop(
    v,
    w,
    binaryIop1(v, w, v.ob_type.nb_inplace_subtract, v.ob_type.nb_subtract, w.ob_type.nb_subtract),
    "-=",
  );
export const PyNumber_InPlaceRemainder = (v: PyObject, w: PyObject) =>
  binaryIop(
    v,
    w,
    binaryIop1(
      v,
      w,
      v.ob_type.nb_inplace_remainder,
      v.ob_type.nb_remainder,
      w.ob_type.nb_remainder,
    ),
    "%=",
  );
export const PyNumber_InPlaceLshift = (v: PyObject, w: PyObject) =>
  binaryIop(
    v,
    w,
    binaryIop1(v, w, v.ob_type.nb_inplace_lshift, v.ob_type.nb_lshift, w.ob_type.nb_lshift),
    "<<=",
  );
export const PyNumber_InPlaceRshift = (v: PyObject, w: PyObject) =>
  binaryIop(
    v,
    w,
    binaryIop1(v, w, v.ob_type.nb_inplace_rshift, v.ob_type.nb_rshift, w.ob_type.nb_rshift),
    ">>=",
  );
export const PyNumber_InPlaceAnd = (v: PyObject, w: PyObject) =>
  binaryIop(
    v,
    w,
    binaryIop1(v, w, v.ob_type.nb_inplace_and, v.ob_type.nb_and, w.ob_type.nb_and),
    "&=",
  );
export const PyNumber_InPlaceXor = (v: PyObject, w: PyObject) =>
  binaryIop(
    v,
    w,
    binaryIop1(v, w, v.ob_type.nb_inplace_xor, v.ob_type.nb_xor, w.ob_type.nb_xor),
    "^=",
  );
export const PyNumber_InPlaceOr = (v: PyObject, w: PyObject) =>
  binaryIop(
    v,
    w,
    binaryIop1(v, w, v.ob_type.nb_inplace_or, v.ob_type.nb_or, w.ob_type.nb_or),
    "|=",
  );
export const PyNumber_InPlaceFloorDivide = (v: PyObject, w: PyObject) =>
  binaryIop(
    v,
    w,
    binaryIop1(
      v,
      w,
      v.ob_type.nb_inplace_floor_divide,
      v.ob_type.nb_floor_divide,
      w.ob_type.nb_floor_divide,
    ),
    "//=",
  );
export const PyNumber_InPlaceTrueDivide = (v: PyObject, w: PyObject) =>
  binaryIop(
    v,
    w,
    binaryIop1(
      v,
      w,
      v.ob_type.nb_inplace_true_divide,
      v.ob_type.nb_true_divide,
      w.ob_type.nb_true_divide,
    ),
    "/=",
  );
export const PyNumber_InPlaceMatrixMultiply = (v: PyObject, w: PyObject) =>
  binaryIop(
    v,
    w,
    binaryIop1(
      v,
      w,
      v.ob_type.nb_inplace_matrix_multiply,
      v.ob_type.nb_matrix_multiply,
      w.ob_type.nb_matrix_multiply,
    ),
    "@=",
  );

export function PyNumber_InPlacePower(v: PyObject, w: PyObject, z: PyObject): PyObject {
  const f = v.ob_type.nb_inplace_power;
  if (f !== null) {
    const x = f(v, w, z);
    if (x !== Py_NotImplemented) return x;
    Py_DECREF(x);
  }
  return ternaryOp(v, w, z, "nb_power", "**=");
}

function unaryTypeError(o: PyObject, what: string): PyObject {
  return PyErr_Format(PyExc_TypeError, `bad operand type for ${what}: '${o.ob_type.tp_name}'`);
}

export function PyNumber_Negative(o: PyObject): PyObject {
  const f = o.ob_type.nb_negative;
  if (f !== null) return f(o);
  throw unaryTypeError(o, "unary -");
}
export function PyNumber_Positive(o: PyObject): PyObject {
  const f = o.ob_type.nb_positive;
  if (f !== null) return f(o);
  throw unaryTypeError(o, "unary +");
}
export function PyNumber_Invert(o: PyObject): PyObject {
  const f = o.ob_type.nb_invert;
  if (f !== null) return f(o);
  throw unaryTypeError(o, "unary ~");
}
export function PyNumber_Absolute(o: PyObject): PyObject {
  const f = o.ob_type.nb_absolute;
  if (f !== null) return f(o);
  throw unaryTypeError(o, "abs()");
}

/** The BINARY_OP table (ceval.c binary_ops), indexed by the oparg. */
export const binary_ops: ((a: PyObject, b: PyObject) => PyObject)[] = [
  PyNumber_Add,
  PyNumber_And,
  PyNumber_FloorDivide,
  PyNumber_Lshift,
  PyNumber_MatrixMultiply,
  PyNumber_Multiply,
  PyNumber_Remainder,
  PyNumber_Or,
  (a, b) => PyNumber_Power(a, b, Py_None),
  PyNumber_Rshift,
  PyNumber_Subtract,
  PyNumber_TrueDivide,
  PyNumber_Xor,
  PyNumber_InPlaceAdd,
  PyNumber_InPlaceAnd,
  PyNumber_InPlaceFloorDivide,
  PyNumber_InPlaceLshift,
  PyNumber_InPlaceMatrixMultiply,
  PyNumber_InPlaceMultiply,
  PyNumber_InPlaceRemainder,
  PyNumber_InPlaceOr,
  (a, b) => PyNumber_InPlacePower(a, b, Py_None),
  PyNumber_InPlaceRshift,
  PyNumber_InPlaceSubtract,
  PyNumber_InPlaceTrueDivide,
  PyNumber_InPlaceXor,
];

// ---- indexes and conversions -------------------------------------------------------------------

export function PyIndex_Check(o: PyObject): boolean {
  return o.ob_type.nb_index !== null;
}

/** _PyNumber_Index / PyNumber_Index: an int (new reference), via __index__. */
export function PyNumber_Index(item: PyObject): PyObject {
  if (PyLong_Check(item)) {
    if (item.ob_type === PyLong_Type) {
      Py_INCREF(item);
      return item;
    }
    return PyLong_FromValue(longValue(item));
  }
  const f = item.ob_type.nb_index;
  if (f === null) {
    throw PyErr_Format(
      PyExc_TypeError,
      `'${item.ob_type.tp_name}' object cannot be interpreted as an integer`,
    );
  }
  const result = f(item);
  if (PyLong_CheckExact(result)) return result;
  if (!PyLong_Check(result)) {
    const t = result.ob_type.tp_name;
    Py_DECREF(result);
    throw PyErr_Format(PyExc_TypeError, `__index__ returned non-int (type ${t})`);
  }
  // A subclass of int: DeprecationWarning in CPython; return an exact int.
  const v = longValue(result);
  Py_DECREF(result);
  void PyExc_DeprecationWarning;
  return PyLong_FromValue(v);
}

/** Py_ssize_t's range (PY_SSIZE_T_MAX, PY_SSIZE_T_MIN; also C long's here) */
export const SSIZE_MAX = 9223372036854775807n;
export const SSIZE_MIN = -9223372036854775808n;

/**
 * PyNumber_AsSsize_t: the index as a JavaScript number. Out of Py_ssize_t range: raises
 * `exc` (with CPython's message), or clamps when exc is null.
 */
export function PyNumber_AsSsize_t(item: PyObject, exc: PyTypeObject | null): number {
  let v: number | bigint;
  if (item.ob_type === PyLong_Type || item.ob_type === PyBool_Type) v = longValue(item);
  else {
    const value = PyNumber_Index(item);
    v = longValue(value);
    Py_DECREF(value);
  }
  if (typeof v === "number") return v;
  if (v >= SSIZE_MIN && v <= SSIZE_MAX) return Number(v);
  if (exc === null) return v < 0n ? -9223372036854775808 : 9223372036854775807;
  throw PyErr_Format(
    exc,
    `cannot fit '${item.ob_type.tp_name}' into an index-sized integer`,
  );
}

/** PyNumber_Long: int(o) for o not a str (nb_int, __index__, __trunc__, buffer). */
export function PyNumber_Long(o: PyObject): PyObject {
  if (o.ob_type === PyLong_Type) {
    Py_INCREF(o);
    return o;
  }
  const t = o.ob_type;
  if (t.nb_int !== null) {
    const result = t.nb_int(o);
    if (result.ob_type === PyLong_Type) return result;
    if (!PyLong_Check(result)) {
      const tn = result.ob_type.tp_name;
      Py_DECREF(result);
      throw PyErr_Format(PyExc_TypeError, `__int__ returned non-int (type ${tn})`);
    }
    const v = longValue(result);
    Py_DECREF(result);
    return PyLong_FromValue(v);
  }
  if (t.nb_index !== null) return PyNumber_Index(o);
  const trunc = lookupMaybeMethod(o, _Py_ID("__trunc__"));
  if (trunc[0] !== null) {
    const [func, unbound] = trunc;
    let result: PyObject;
    try {
      result = unbound ? PyObject_CallOneArg(func, o) : PyObject_CallNoArgs(func);
    } finally {
      Py_DECREF(func);
    }
    if (PyLong_CheckExact(result)) return result;
    if (PyLong_Check(result)) {
      const v = longValue(result);
      Py_DECREF(result);
      return PyLong_FromValue(v);
    }
    if (!PyIndex_Check(result)) {
      const tn = result.ob_type.tp_name;
      Py_DECREF(result);
      throw PyErr_Format(PyExc_TypeError, `__trunc__ returned non-Integral (type ${tn})`);
    }
    const r = PyNumber_Index(result);
    Py_DECREF(result);
    return r;
  }
  if (PyUnicode_Check(o)) return longFromText(str(o), 10, o);
  if (o.ob_type.tp_name === "bytes" || o.ob_type.tp_name === "bytearray") {
    const text = new TextDecoder("latin1").decode(o.ob_val as Uint8Array);
    return longFromText(text, 10, o);
  }
  throw PyErr_Format(
    PyExc_TypeError,
    `int() argument must be a string, a bytes-like object or a real number, not '${o.ob_type.tp_name}'`,
  );
}

import { PyObject_Repr } from "./objectops.ts";

/** int(text, base) with CPython's error message. */
export function longFromText(text: string, base: number, orig: PyObject): PyObject {
  const v = parseIntLiteral(text, base);
  if (v === null) {
    const r = PyObject_Repr(orig);
    const s = str(r);
    Py_DECREF(r);
    throw PyErr_Format(
      PyExc_ValueError,
      `invalid literal for int() with base ${base}: ${s}`,
    );
  }
  return PyLong_FromValue(v);
}

/** PyNumber_Float: float(o) for non-str o. */
export function PyNumber_Float(o: PyObject): PyObject {
  if (o.ob_type === PyFloat_Type) {
    Py_INCREF(o);
    return o;
  }
  const t = o.ob_type;
  if (t.nb_float !== null) {
    const res = t.nb_float(o);
    if (res.ob_type === PyFloat_Type) return res;
    if (!PyType_IsSubtype(res.ob_type, PyFloat_Type)) {
      const tn = res.ob_type.tp_name;
      Py_DECREF(res);
      throw PyErr_Format(
        PyExc_TypeError,
        `${t.tp_name}.__float__ returned non-float (type ${tn})`,
      );
    }
    const v = res.ob_val as number;
    Py_DECREF(res);
    return PyFloat_FromDouble(v);
  }
  if (t.nb_index !== null) {
    const i = PyNumber_Index(o);
    try {
      const v = longValue(i);
      return PyFloat_FromDouble(typeof v === "number" ? v : Number(v));
    } finally {
      Py_DECREF(i);
    }
  }
  if (PyType_IsSubtype(t, PyFloat_Type)) return PyFloat_FromDouble(o.ob_val as number);
  throw PyErr_Format(
    PyExc_TypeError,
    `float() argument must be a string or a real number, not '${t.tp_name}'`,
  );
}

// ---- subscription -------------------------------------------------------------------------------

export function PyObject_GetItem(o: PyObject, key: PyObject): PyObject {
  const t = o.ob_type;
  if (t.mp_subscript !== null) return t.mp_subscript(o, key);
  if (t.sq_item !== null) {
    if (PyIndex_Check(key)) {
      const i = PyNumber_AsSsize_t(key, PyExc_IndexError);
      return PySequence_GetItem(o, i);
    }
    throw PyErr_Format(
      PyExc_TypeError,
      `sequence index must be integer, not '${key.ob_type.tp_name}'`,
    );
  }
  if (t.tp_flags & Py_TPFLAGS_TYPE_SUBCLASS) {
    if (o === PyType_Type) return genericAlias(o, key);
    const meth = _PyObject_LookupAttr(o, _Py_ID("__class_getitem__"));
    if (meth !== null && meth !== Py_None) {
      try {
        return PyObject_CallOneArg(meth, key);
      } finally {
        Py_DECREF(meth);
      }
    }
    Py_XDECREF(meth);
    throw PyErr_Format(
      PyExc_TypeError,
      `type '${(o as PyTypeObject).tp_name}' is not subscriptable`,
    );
  }
  throw PyErr_Format(PyExc_TypeError, `'${t.tp_name}' object is not subscriptable`);
}

import { Py_GenericAlias } from "./genericaliasobject.ts";
function genericAlias(o: PyObject, key: PyObject): PyObject {
  return Py_GenericAlias(o, key);
}

export function PyObject_SetItem(o: PyObject, key: PyObject, value: PyObject): void {
  const t = o.ob_type;
  if (t.mp_ass_subscript !== null) {
    t.mp_ass_subscript(o, key, value);
    return;
  }
  if (t.sq_ass_item !== null) {
    if (PyIndex_Check(key)) {
      const i = PyNumber_AsSsize_t(key, PyExc_IndexError);
      PySequence_SetItem(o, i, value);
      return;
    }
    if (t.sq_item !== null) {
      throw PyErr_Format(
        PyExc_TypeError,
        `sequence index must be integer, not '${key.ob_type.tp_name}'`,
      );
    }
  }
  throw PyErr_Format(
    PyExc_TypeError,
    `'${t.tp_name}' object does not support item assignment`,
  );
}

export function PyObject_DelItem(o: PyObject, key: PyObject): void {
  const t = o.ob_type;
  if (t.mp_ass_subscript !== null) {
    t.mp_ass_subscript(o, key, null);
    return;
  }
  if (t.sq_ass_item !== null) {
    if (PyIndex_Check(key)) {
      const i = PyNumber_AsSsize_t(key, PyExc_IndexError);
      PySequence_DelItem(o, i);
      return;
    }
    if (t.sq_item !== null) {
      throw PyErr_Format(
        PyExc_TypeError,
        `sequence index must be integer, not '${key.ob_type.tp_name}'`,
      );
    }
  }
  throw PyErr_Format(
    PyExc_TypeError,
    `'${t.tp_name}' object does not support item deletion`,
  );
}

export function PySequence_GetItem(s: PyObject, i: number): PyObject {
  const t = s.ob_type;
  if (t.sq_item !== null) {
    if (i < 0 && t.sq_length !== null) i += t.sq_length(s);
    return t.sq_item(s, i);
  }
  if (t.mp_subscript !== null) {
    throw PyErr_Format(PyExc_TypeError, `${t.tp_name} is not a sequence`);
  }
  throw PyErr_Format(PyExc_TypeError, `'${t.tp_name}' object does not support indexing`);
}

export function PySequence_SetItem(s: PyObject, i: number, v: PyObject | null): void {
  const t = s.ob_type;
  if (t.sq_ass_item !== null) {
    if (i < 0 && t.sq_length !== null) i += t.sq_length(s);
    t.sq_ass_item(s, i, v);
    return;
  }
  throw PyErr_Format(
    PyExc_TypeError,
    `'${t.tp_name}' object does not support item assignment`,
  );
}

export function PySequence_DelItem(s: PyObject, i: number): void {
  const t = s.ob_type;
  if (t.sq_ass_item !== null) {
    if (i < 0 && t.sq_length !== null) i += t.sq_length(s);
    t.sq_ass_item(s, i, null);
    return;
  }
  throw PyErr_Format(
    PyExc_TypeError,
    `'${t.tp_name}' object doesn't support item deletion`,
  );
}

/** PyObject_Size / len() */
export function PyObject_Size(o: PyObject): number {
  const t = o.ob_type;
  if (t.sq_length !== null) return t.sq_length(o);
  if (t.mp_length !== null) return t.mp_length(o);
  throw PyErr_Format(PyExc_TypeError, `object of type '${t.tp_name}' has no len()`);
}

export const PyObject_Length = PyObject_Size;

export function PySequence_Check(o: PyObject): boolean {
  if (o.ob_type.tp_name === "dict" || (o.ob_type.tp_flags & (1 << 29))) return false;
  return o.ob_type.sq_item !== null;
}

// ---- iteration ----------------------------------------------------------------------------------

/** PyObject_GetIter: tp_iter, or a sequence iterator over __getitem__. */
export function PyObject_GetIter(o: PyObject): PyObject {
  const t = o.ob_type;
  const f = t.tp_iter;
  if (f === null) {
    if (PySequence_Check(o)) return PySeqIter_New(o);
    throw PyErr_Format(PyExc_TypeError, `'${t.tp_name}' object is not iterable`);
  }
  const res = f(o);
  if (res.ob_type.tp_iternext === null || res.ob_type.tp_iternext === notIterNext) {
    const tn = res.ob_type.tp_name;
    Py_DECREF(res);
    throw PyErr_Format(PyExc_TypeError, `iter() returned non-iterator of type '${tn}'`);
  }
  return res;
}

import { _PyObject_NextNotImplemented as notIterNext } from "./objectops.ts";

/** PyIter_Check */
export function PyIter_Check(o: PyObject): boolean {
  const f = o.ob_type.tp_iternext;
  return f !== null && f !== notIterNext;
}

/**
 * PyIter_Next: the next item (new reference) or null at the end. A StopIteration raised
 * by a Python __next__ counts as the end.
 */
export function PyIter_Next(it: PyObject): PyObject | null {
  try {
    return it.ob_type.tp_iternext!(it);
  } catch (e) {
    if (e instanceof PyObject && PyType_IsSubtype(e.ob_type, PyExc_StopIteration)) {
      Py_DECREF(e);
      return null;
    }
    throw e;
  }
}

/** PyObject_LengthHint: len(), else __length_hint__, else the default. */
export function PyObject_LengthHint(o: PyObject, dflt: number): number {
  const t = o.ob_type;
  if (t.sq_length !== null || t.mp_length !== null) {
    try {
      return PyObject_Size(o);
    } catch (e) {
      if (e instanceof PyObject && PyType_IsSubtype(e.ob_type, PyExc_TypeError)) {
        Py_DECREF(e);
      } else throw e;
    }
  }
  const [hint, unbound] = lookupMaybeMethod(o, _Py_ID("__length_hint__"));
  if (hint === null) return dflt;
  let result: PyObject;
  try {
    result = unbound ? PyObject_CallOneArg(hint, o) : PyObject_CallNoArgs(hint);
  } catch (e) {
    Py_DECREF(hint);
    if (e instanceof PyObject && PyType_IsSubtype(e.ob_type, PyExc_TypeError)) {
      Py_DECREF(e);
      return dflt;
    }
    throw e;
  }
  Py_DECREF(hint);
  if (result === Py_NotImplemented) {
    Py_DECREF(result);
    return dflt;
  }
  if (!PyLong_Check(result)) {
    const tn = result.ob_type.tp_name;
    Py_DECREF(result);
    throw PyErr_Format(PyExc_TypeError, `__length_hint__ must be an integer, not ${tn}`);
  }
  const v = longValue(result);
  Py_DECREF(result);
  if (v < 0) throw PyErr_Format(PyExc_ValueError, "__length_hint__() should return >= 0");
  return Number(v);
}

/** PySequence_Tuple: tuple(v). */
export function PySequence_Tuple(v: PyObject): PyObject {
  if (PyTuple_CheckExact(v)) {
    Py_INCREF(v);
    return v;
  }
  if (v.ob_type === PyList_Type) return PyList_AsTuple(v);
  const it = PyObject_GetIter(v);
  const items: PyObject[] = [];
  try {
    for (;;) {
      const item = PyIter_Next(it);
      if (item === null) break;
      items.push(item);
    }
  } catch (e) {
    for (const i of items) Py_DECREF(i);
    Py_DECREF(it);
    throw e;
  }
  Py_DECREF(it);
  return PyTuple_FromArraySteal(items);
}

/** PySequence_List: list(v). */
export function PySequence_List(v: PyObject): PyObject {
  const result = PyList_FromArraySteal([]);
  try {
    list_extend(result, v);
  } catch (e) {
    Py_DECREF(result);
    throw e;
  }
  return result;
}

export const PY_ITERSEARCH_COUNT = 1;
export const PY_ITERSEARCH_INDEX = 2;
export const PY_ITERSEARCH_CONTAINS = 3;

/** _PySequence_IterSearch: count, index or contains by iteration. */
export function _PySequence_IterSearch(seq: PyObject, obj: PyObject, operation: number): number {
  let it: PyObject;
  try {
    it = PyObject_GetIter(seq);
  } catch (e) {
    if (!(e instanceof PyObject && PyType_IsSubtype(e.ob_type, PyExc_TypeError))) throw e;
    Py_DECREF(e);
    throw PyErr_Format(
      PyExc_TypeError,
      `argument of type '${seq.ob_type.tp_name}' is not iterable`,
    );
  }
  let n = 0;
  try {
    for (;;) {
      const item = PyIter_Next(it);
      if (item === null) break;
      let cmp: boolean;
      try {
        cmp = PyObject_RichCompareBool(item, obj, Py_EQ);
      } finally {
        Py_DECREF(item);
      }
      if (cmp) {
        if (operation === PY_ITERSEARCH_COUNT) n++;
        else if (operation === PY_ITERSEARCH_INDEX) return n;
        else return 1;
      } else if (operation === PY_ITERSEARCH_INDEX) n++;
    }
  } finally {
    Py_DECREF(it);
  }
  if (operation === PY_ITERSEARCH_INDEX) {
    throw PyErr_Format(PyExc_ValueError, "sequence.index(x): x not in sequence");
  }
  return operation === PY_ITERSEARCH_CONTAINS ? 0 : n;
}

/** PySequence_Contains: sq_contains, else iteration. */
export function PySequence_Contains(seq: PyObject, ob: PyObject): boolean {
  const f = seq.ob_type.sq_contains;
  if (f !== null) return f(seq, ob);
  return _PySequence_IterSearch(seq, ob, PY_ITERSEARCH_CONTAINS) !== 0;
}

// ---- isinstance and issubclass ---------------------------------------------------------------

function abstractGetBases(cls: PyObject): PyObject | null {
  const bases = _PyObject_LookupAttr(cls, _Py_ID("__bases__"));
  if (bases !== null && !(bases.ob_type === PyTuple_Type)) {
    Py_DECREF(bases);
    return null;
  }
  return bases;
}

function abstractIssubclass(derived: PyObject, cls: PyObject): boolean {
  for (;;) {
    if (derived === cls) return true;
    const bases = abstractGetBases(derived);
    if (bases === null) return false;
    const items = bases.ob_item as PyObject[];
    try {
      if (items.length === 0) return false;
      if (items.length === 1) {
        derived = items[0];
        continue;
      }
      for (const b of items) if (abstractIssubclass(b, cls)) return true;
      return false;
    } finally {
      Py_DECREF(bases);
    }
  }
}

function checkClass(cls: PyObject, error: string): void {
  const bases = abstractGetBases(cls);
  if (bases === null) throw PyErr_Format(PyExc_TypeError, error);
  Py_DECREF(bases);
}

function isType(o: PyObject): boolean {
  return (o.ob_type.tp_flags & Py_TPFLAGS_TYPE_SUBCLASS) !== 0;
}

function objectIsinstance(inst: PyObject, cls: PyObject): boolean {
  if (isType(cls)) {
    if (PyType_IsSubtype(inst.ob_type, cls as PyTypeObject)) return true;
    const icls = _PyObject_LookupAttr(inst, _Py_ID("__class__"));
    if (icls === null) return false;
    try {
      if (icls !== inst.ob_type && isType(icls)) {
        return PyType_IsSubtype(icls as PyTypeObject, cls as PyTypeObject);
      }
      return false;
    } finally {
      Py_DECREF(icls);
    }
  }
  checkClass(cls, "isinstance() arg 2 must be a type, a tuple of types, or a union");
  const icls = _PyObject_LookupAttr(inst, _Py_ID("__class__"));
  if (icls === null) return false;
  try {
    return abstractIssubclass(icls, cls);
  } finally {
    Py_DECREF(icls);
  }
}

/** PyObject_IsInstance (object_recursive_isinstance) */
export function PyObject_IsInstance(inst: PyObject, cls: PyObject): boolean {
  if (inst.ob_type === cls) return true;
  if (cls.ob_type === PyType_Type) return objectIsinstance(inst, cls);
  if (cls.ob_type === PyTuple_Type) {
    Py_EnterRecursiveCall(" in __instancecheck__");
    try {
      for (const item of cls.ob_item as PyObject[]) {
        if (PyObject_IsInstance(inst, item)) return true;
      }
      return false;
    } finally {
      Py_LeaveRecursiveCall();
    }
  }
  const [checker, unbound] = lookupMaybeMethod(cls, _Py_ID("__instancecheck__"));
  if (checker !== null) {
    Py_EnterRecursiveCall(" in __instancecheck__");
    let res: PyObject;
    try {
      res = unbound ? PyObject_CallArgs(checker, cls, inst) : PyObject_CallOneArg(checker, inst);
    } finally {
      Py_LeaveRecursiveCall();
      Py_DECREF(checker);
    }
    try {
      return PyObject_IsTrue(res);
    } finally {
      Py_DECREF(res);
    }
  }
  return objectIsinstance(inst, cls);
}

/** _PyObject_RealIsSubclass: issubclass without __subclasscheck__ (type.__subclasscheck__). */
export function _PyObject_RealIsSubclass(derived: PyObject, cls: PyObject): boolean {
  return objectIssubclass(derived, cls);
}

/** _PyObject_RealIsInstance: isinstance without __instancecheck__ (type.__instancecheck__). */
export function _PyObject_RealIsInstance(inst: PyObject, cls: PyObject): boolean {
  return objectIsinstance(inst, cls);
}

function objectIssubclass(derived: PyObject, cls: PyObject): boolean {
  if (isType(cls) && isType(derived)) {
    return PyType_IsSubtype(derived as PyTypeObject, cls as PyTypeObject);
  }
  checkClass(derived, "issubclass() arg 1 must be a class");
  checkClass(cls, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
  return abstractIssubclass(derived, cls);
}

export function PyObject_IsSubclass(derived: PyObject, cls: PyObject): boolean {
  if (cls.ob_type === PyType_Type && derived.ob_type === PyType_Type) {
    if (derived === cls) return true;
    return PyType_IsSubtype(derived as PyTypeObject, cls as PyTypeObject);
  }
  if (cls.ob_type === PyTuple_Type) {
    Py_EnterRecursiveCall(" in __subclasscheck__");
    try {
      for (const item of cls.ob_item as PyObject[]) {
        if (PyObject_IsSubclass(derived, item)) return true;
      }
      return false;
    } finally {
      Py_LeaveRecursiveCall();
    }
  }
  const [checker, unbound] = lookupMaybeMethod(cls, _Py_ID("__subclasscheck__"));
  if (checker !== null) {
    Py_EnterRecursiveCall(" in __subclasscheck__");
    let res: PyObject;
    try {
      res = unbound
        ? PyObject_CallArgs(checker, cls, derived)
        : PyObject_CallOneArg(checker, derived);
    } finally {
      Py_LeaveRecursiveCall();
      Py_DECREF(checker);
    }
    try {
      return PyObject_IsTrue(res);
    } finally {
      Py_DECREF(res);
    }
  }
  return objectIssubclass(derived, cls);
}

// ---- format ---------------------------------------------------------------------------------------

/** PyObject_Format: format(obj, spec) through __format__. */
export function PyObject_Format(obj: PyObject, spec: PyObject | null): PyObject {
  const empty = spec === null || str(spec).length === 0;
  if (empty) {
    if (obj.ob_type === PyUnicode_Type) {
      Py_INCREF(obj);
      return obj;
    }
    if (obj.ob_type === PyLong_Type) return PyObject_Str(obj);
  }
  const fmt = spec ?? unicode_empty;
  const [meth, unbound] = lookupMaybeMethod(obj, _Py_ID("__format__"));
  if (meth === null) {
    throw PyErr_Format(
      PyExc_TypeError,
      `Type ${obj.ob_type.tp_name} doesn't define __format__`,
    );
  }
  let result: PyObject;
  try {
    result = unbound ? PyObject_CallArgs(meth, obj, fmt) : PyObject_CallOneArg(meth, fmt);
  } finally {
    Py_DECREF(meth);
  }
  if (!PyUnicode_Check(result)) {
    const tn = result.ob_type.tp_name;
    Py_DECREF(result);
    throw PyErr_Format(
      PyExc_TypeError,
      `__format__ must return a str, not ${tn}`,
    );
  }
  return result;
}

export function PyMapping_Keys(o: PyObject): PyObject {
  if (o.ob_type.tp_name === "dict") {
    return PyObject_CallMethodNoArgs(o, "keys");
  }
  return PyObject_CallMethodNoArgs(o, "keys");
}

export function PyObject_CallMethodNoArgs(o: PyObject, name: string): PyObject {
  const m = PyObject_GetAttr(o, _Py_ID(name));
  try {
    return PyObject_CallNoArgs(m);
  } finally {
    Py_DECREF(m);
  }
}

/** A JavaScript array of new references to the items of an iterable. */
export function iterToArray(iterable: PyObject): PyObject[] {
  const it = PyObject_GetIter(iterable);
  const out: PyObject[] = [];
  try {
    for (;;) {
      const x = PyIter_Next(it);
      if (x === null) break;
      out.push(x);
    }
  } catch (e) {
    for (const o of out) Py_DECREF(o);
    throw e;
  } finally {
    Py_DECREF(it);
  }
  return out;
}

export {
  _PyList_AppendTakeRef,
  PyLong_FromNumber,
  PyTuple_FromArray,
  PyUnicode_FromString,
  toBigInt,
};
export { _PyType_Lookup, PyExc_AttributeError };
