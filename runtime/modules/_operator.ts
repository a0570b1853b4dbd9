// The _operator module (Modules/_operator.c): the operators as functions, and the
// attrgetter, itemgetter and methodcaller types. The `operator` module (operator.ts) is a
// small Python module over this one, as Lib/operator.py is over CPython's _operator.

import {
  METH_FASTCALL,
  METH_KEYWORDS,
  METH_O,
  newStaticType,
  Py_DECREF,
  Py_EQ,
  Py_GE,
  Py_GT,
  Py_INCREF,
  Py_LE,
  Py_LT,
  Py_NE,
  Py_None,
  Py_NotImplemented,
  Py_TPFLAGS_HAVE_GC,
  Py_XDECREF,
  PyBool_FromLong,
  type PyMethodDef,
  PyObject,
  PyObject_GC_UnTrack,
  type PyTypeObject,
  type visitproc,
} from "../objects/object.ts";
import { PyErr_Format } from "../objects/errors.ts";
import { PyExc_TypeError } from "../objects/exceptions.ts";
import * as A from "../objects/abstract.ts";
import {
  PyObject_GenericGetAttr,
  PyObject_GetAttr,
  PyObject_IsTrue,
  PyObject_Not,
  PyObject_Repr,
  PyObject_RichCompare,
  str,
} from "../objects/objectops.ts";
import { PyObject_Call, PyObject_Vectorcall } from "../objects/call.ts";
import { PyTuple_FromArray, PyTuple_FromArraySteal } from "../objects/tupleobject.ts";
import { PyLong_FromNumber } from "../objects/longobject.ts";
import {
  PyUnicode_Check,
  PyUnicode_FromString,
  PyUnicode_InternFromString,
} from "../objects/unicodeobject.ts";
import { dictForEach, PyDict_Copy, PyDict_New } from "../objects/dictobject.ts";
import { checkPositional, noKeywords } from "../objects/argparse.ts";
import { PyType_GenericAlloc, PyType_Ready } from "../objects/typeobject.ts";
import { PyModule_AddType, registerBuiltinModule } from "./modsupport.ts";

type Args = (PyObject | null)[];

function ref<T extends PyObject>(o: T): T {
  Py_INCREF(o);
  return o;
}

function none(): PyObject {
  return ref(Py_None);
}

// ---- the operators as functions ---------------------------------------------------------------

function binary(name: string, f: (a: PyObject, b: PyObject) => PyObject): PyMethodDef {
  return {
    ml_name: name,
    ml_meth: (_m: PyObject, args: Args, off: number, nargs: number) => {
      checkPositional(name, nargs, 2, 2);
      return f(args[off]!, args[off + 1]!);
    },
    ml_flags: METH_FASTCALL,
  };
}

function unary(name: string, f: (a: PyObject) => PyObject): PyMethodDef {
  return { ml_name: name, ml_meth: (_m: PyObject, a: PyObject) => f(a), ml_flags: METH_O };
}

function compare(name: string, op: number): PyMethodDef {
  return binary(name, (a, b) => PyObject_RichCompare(a, b, op));
}

/** PySequence_Concat: sq_concat, else nb_add for two sequences, else a TypeError. */
function concat(a: PyObject, b: PyObject): PyObject {
  const f = a.ob_type.sq_concat;
  if (f !== null) return f(a, b);
  if (A.PySequence_Check(a) && A.PySequence_Check(b)) {
    const r = A.binary_op1(a, b, "nb_add");
    if (r !== Py_NotImplemented) return r;
    Py_DECREF(r);
  }
  throw PyErr_Format(PyExc_TypeError, `'${a.ob_type.tp_name}' object can't be concatenated`);
}

/** PySequence_InPlaceConcat */
function iconcat(a: PyObject, b: PyObject): PyObject {
  const t = a.ob_type;
  if (t.sq_inplace_concat !== null) return t.sq_inplace_concat(a, b);
  if (t.sq_concat !== null) return t.sq_concat(a, b);
  if (A.PySequence_Check(a) && A.PySequence_Check(b)) {
    const r = A.binary_op1(a, b, "nb_inplace_add");
    if (r !== Py_NotImplemented) return r;
    Py_DECREF(r);
    const r2 = A.binary_op1(a, b, "nb_add");
    if (r2 !== Py_NotImplemented) return r2;
    Py_DECREF(r2);
  }
  throw PyErr_Format(PyExc_TypeError, `'${t.tp_name}' object can't be concatenated`);
}

function op_truth(_m: PyObject, a: PyObject): PyObject {
  return PyBool_FromLong(PyObject_IsTrue(a));
}

function op_not(_m: PyObject, a: PyObject): PyObject {
  return PyBool_FromLong(PyObject_Not(a));
}

function op_contains(_m: PyObject, args: Args, off: number, nargs: number): PyObject {
  checkPositional("contains", nargs, 2, 2);
  return PyBool_FromLong(A.PySequence_Contains(args[off]!, args[off + 1]!));
}

function op_countOf(_m: PyObject, args: Args, off: number, nargs: number): PyObject {
  checkPositional("countOf", nargs, 2, 2);
  return PyLong_FromNumber(
    A._PySequence_IterSearch(args[off]!, args[off + 1]!, A.PY_ITERSEARCH_COUNT),
  );
}

function op_indexOf(_m: PyObject, args: Args, off: number, nargs: number): PyObject {
  checkPositional("indexOf", nargs, 2, 2);
  return PyLong_FromNumber(
    A._PySequence_IterSearch(args[off]!, args[off + 1]!, A.PY_ITERSEARCH_INDEX),
  );
}

function op_getitem(_m: PyObject, args: Args, off: number, nargs: number): PyObject {
  checkPositional("getitem", nargs, 2, 2);
  return A.PyObject_GetItem(args[off]!, args[off + 1]!);
}

function op_setitem(_m: PyObject, args: Args, off: number, nargs: number): PyObject {
  checkPositional("setitem", nargs, 3, 3);
  A.PyObject_SetItem(args[off]!, args[off + 1]!, args[off + 2]!);
  return none();
}

function op_delitem(_m: PyObject, args: Args, off: number, nargs: number): PyObject {
  checkPositional("delitem", nargs, 2, 2);
  A.PyObject_DelItem(args[off]!, args[off + 1]!);
  return none();
}

function op_is(_m: PyObject, args: Args, off: number, nargs: number): PyObject {
  checkPositional("is_", nargs, 2, 2);
  return PyBool_FromLong(args[off] === args[off + 1]);
}

function op_is_not(_m: PyObject, args: Args, off: number, nargs: number): PyObject {
  checkPositional("is_not", nargs, 2, 2);
  return PyBool_FromLong(args[off] !== args[off + 1]);
}

function op_length_hint(_m: PyObject, args: Args, off: number, nargs: number): PyObject {
  checkPositional("length_hint", nargs, 1, 2);
  let dflt = 0;
  if (nargs === 2) {
    const d = args[off + 1]!;
    if (!(d.ob_type.tp_flags & (1 << 24))) {
      throw PyErr_Format(
        PyExc_TypeError,
        `'${d.ob_type.tp_name}' object cannot be interpreted as an integer`,
      );
    }
    dflt = A.PyNumber_AsSsize_t(d, null);
  }
  return PyLong_FromNumber(A.PyObject_LengthHint(args[off]!, dflt));
}

function op_call(_m: PyObject, args: Args, off: number, nargs: number, kwnames: PyObject | null) {
  if (nargs < 1) {
    throw PyErr_Format(PyExc_TypeError, "call() missing required argument 'obj' (pos 1)");
  }
  return PyObject_Vectorcall(args[off]!, args, off + 1, nargs - 1, kwnames);
}

function op_pow(_m: PyObject, args: Args, off: number, nargs: number): PyObject {
  checkPositional("pow", nargs, 2, 2);
  return A.PyNumber_Power(args[off]!, args[off + 1]!, Py_None);
}

function op_ipow(_m: PyObject, args: Args, off: number, nargs: number): PyObject {
  checkPositional("ipow", nargs, 2, 2);
  return A.PyNumber_InPlacePower(args[off]!, args[off + 1]!, Py_None);
}

/** _operator._compare_digest is not offered (it is for secrets and hmac). */
const operatorMethods: PyMethodDef[] = [
  { ml_name: "truth", ml_meth: op_truth, ml_flags: METH_O },
  { ml_name: "contains", ml_meth: op_contains, ml_flags: METH_FASTCALL },
  { ml_name: "indexOf", ml_meth: op_indexOf, ml_flags: METH_FASTCALL },
  { ml_name: "countOf", ml_meth: op_countOf, ml_flags: METH_FASTCALL },
  { ml_name: "is_", ml_meth: op_is, ml_flags: METH_FASTCALL },
  { ml_name: "is_not", ml_meth: op_is_not, ml_flags: METH_FASTCALL },
  unary("index", A.PyNumber_Index),
  binary("add", A.PyNumber_Add),
  binary("sub", A.PyNumber_Subtract),
  binary("mul", A.PyNumber_Multiply),
  binary("matmul", A.PyNumber_MatrixMultiply),
  binary("floordiv", A.PyNumber_FloorDivide),
  binary("truediv", A.PyNumber_TrueDivide),
  binary("mod", A.PyNumber_Remainder),
  unary("neg", A.PyNumber_Negative),
  unary("pos", A.PyNumber_Positive),
  unary("abs", A.PyNumber_Absolute),
  unary("inv", A.PyNumber_Invert),
  unary("invert", A.PyNumber_Invert),
  binary("lshift", A.PyNumber_Lshift),
  binary("rshift", A.PyNumber_Rshift),
  { ml_name: "not_", ml_meth: op_not, ml_flags: METH_O },
  binary("and_", A.PyNumber_And),
  binary("xor", A.PyNumber_Xor),
  binary("or_", A.PyNumber_Or),
  binary("iadd", A.PyNumber_InPlaceAdd),
  binary("isub", A.PyNumber_InPlaceSubtract),
  binary("imul", A.PyNumber_InPlaceMultiply),
  binary("imatmul", A.PyNumber_InPlaceMatrixMultiply),
  binary("ifloordiv", A.PyNumber_InPlaceFloorDivide),
  binary("itruediv", A.PyNumber_InPlaceTrueDivide),
  binary("imod", A.PyNumber_InPlaceRemainder),
  binary("ilshift", A.PyNumber_InPlaceLshift),
  binary("irshift", A.PyNumber_InPlaceRshift),
  binary("iand", A.PyNumber_InPlaceAnd),
  binary("ixor", A.PyNumber_InPlaceXor),
  binary("ior", A.PyNumber_InPlaceOr),
  binary("concat", concat),
  binary("iconcat", iconcat),
  { ml_name: "getitem", ml_meth: op_getitem, ml_flags: METH_FASTCALL },
  { ml_name: "setitem", ml_meth: op_setitem, ml_flags: METH_FASTCALL },
  { ml_name: "delitem", ml_meth: op_delitem, ml_flags: METH_FASTCALL },
  { ml_name: "pow", ml_meth: op_pow, ml_flags: METH_FASTCALL },
  { ml_name: "ipow", ml_meth: op_ipow, ml_flags: METH_FASTCALL },
  compare("eq", Py_EQ),
  compare("ne", Py_NE),
  compare("lt", Py_LT),
  compare("le", Py_LE),
  compare("gt", Py_GT),
  compare("ge", Py_GE),
  { ml_name: "length_hint", ml_meth: op_length_hint, ml_flags: METH_FASTCALL },
  { ml_name: "call", ml_meth: op_call, ml_flags: METH_FASTCALL | METH_KEYWORDS },
];

// ---- itemgetter, attrgetter, methodcaller --------------------------------------------------------

function getter_dealloc(o: PyObject): void {
  PyObject_GC_UnTrack(o);
  const items = o.ob_item;
  o.ob_item = null;
  if (items !== null) { for (const x of items) Py_XDECREF(x); }
  o.ob_type.tp_free!(o);
}

function getter_traverse(o: PyObject, visit: visitproc, arg: unknown): number {
  for (const x of o.ob_item ?? []) {
    if (x !== null) {
      const r = visit(x, arg);
      if (r) return r;
    }
  }
  return 0;
}

function getterType(name: string, basicsize: number): PyTypeObject {
  const t = newStaticType(`operator.${name}`, basicsize, Py_TPFLAGS_HAVE_GC);
  t.tp_dealloc = getter_dealloc;
  t.tp_traverse = getter_traverse;
  t.tp_getattro = PyObject_GenericGetAttr;
  return t;
}

function reprText(o: PyObject): string {
  const r = PyObject_Repr(o);
  try {
    return str(r);
  } finally {
    Py_DECREF(r);
  }
}

function callArgsCheck(name: string, args: PyObject, kwds: PyObject | null): PyObject {
  noKeywords(name, kwds);
  const a = args.ob_item as PyObject[];
  checkPositional(name, a.length, 1, 1);
  return a[0];
}

const itemgetterType = getterType("itemgetter", 48);
itemgetterType.tp_new = (type, args, kwds) => {
  noKeywords("itemgetter", kwds);
  const a = args.ob_item as PyObject[];
  if (a.length < 1) {
    throw PyErr_Format(PyExc_TypeError, "itemgetter expected 1 argument, got 0");
  }
  const o = PyType_GenericAlloc(type, 0);
  o.ob_item = a.map(ref);
  return o;
};
itemgetterType.tp_call = (o, args, kwds) => {
  const obj = callArgsCheck("itemgetter", args, kwds);
  const items = o.ob_item as PyObject[];
  if (items.length === 1) return A.PyObject_GetItem(obj, items[0]);
  const result: PyObject[] = [];
  try {
    for (const k of items) result.push(A.PyObject_GetItem(obj, k));
  } catch (e) {
    for (const r of result) Py_DECREF(r);
    throw e;
  }
  return PyTuple_FromArraySteal(result);
};
itemgetterType.tp_repr = (o) =>
  PyUnicode_FromString(
    `operator.itemgetter(${(o.ob_item as PyObject[]).map(reprText).join(", ")})`,
  );

const attrgetterType = getterType("attrgetter", 48);
attrgetterType.tp_new = (type, args, kwds) => {
  noKeywords("attrgetter", kwds);
  const a = args.ob_item as PyObject[];
  if (a.length < 1) {
    throw PyErr_Format(PyExc_TypeError, "attrgetter expected 1 argument, got 0");
  }
  const names: PyObject[] = [];
  for (const n of a) {
    if (!PyUnicode_Check(n)) {
      for (const x of names) Py_DECREF(x);
      throw PyErr_Format(PyExc_TypeError, "attribute name must be a string");
    }
    names.push(ref(n));
  }
  const o = PyType_GenericAlloc(type, 0);
  o.ob_item = names;
  return o;
};

/** One dotted attribute path, each part looked up in turn. */
function dottedGetattr(obj: PyObject, name: PyObject): PyObject {
  const parts = str(name).split(".");
  let cur = ref(obj);
  for (const p of parts) {
    const pn = PyUnicode_InternFromString(p);
    try {
      const next = PyObject_GetAttr(cur, pn);
      Py_DECREF(cur);
      cur = next;
    } catch (e) {
      Py_DECREF(cur);
      throw e;
    } finally {
      Py_DECREF(pn);
    }
  }
  return cur;
}

attrgetterType.tp_call = (o, args, kwds) => {
  const obj = callArgsCheck("attrgetter", args, kwds);
  const names = o.ob_item as PyObject[];
  if (names.length === 1) return dottedGetattr(obj, names[0]);
  const result: PyObject[] = [];
  try {
    for (const n of names) result.push(dottedGetattr(obj, n));
  } catch (e) {
    for (const r of result) Py_DECREF(r);
    throw e;
  }
  return PyTuple_FromArraySteal(result);
};
attrgetterType.tp_repr = (o) =>
  PyUnicode_FromString(
    `operator.attrgetter(${(o.ob_item as PyObject[]).map(reprText).join(", ")})`,
  );

// methodcaller's ob_item: name, args tuple, kwargs dict
const methodcallerType = getterType("methodcaller", 48);
methodcallerType.tp_new = (type, args, kwds) => {
  const a = args.ob_item as PyObject[];
  if (a.length < 1) {
    throw PyErr_Format(
      PyExc_TypeError,
      "methodcaller needs at least one argument, the method name",
    );
  }
  if (!PyUnicode_Check(a[0])) {
    throw PyErr_Format(PyExc_TypeError, "method name must be a string");
  }
  const o = PyType_GenericAlloc(type, 0);
  const name = PyUnicode_InternFromString(str(a[0]));
  const rest = PyTuple_FromArray(a.slice(1));
  const kw = kwds === null ? PyDict_New() : PyDict_Copy(kwds);
  o.ob_item = [name, rest, kw];
  return o;
};
methodcallerType.tp_call = (o, args, kwds) => {
  const obj = callArgsCheck("methodcaller", args, kwds);
  const [name, rest, kw] = o.ob_item as PyObject[];
  const meth = PyObject_GetAttr(obj, name);
  try {
    return PyObject_Call(meth, rest, kw.ob_size > 0 ? kw : null);
  } finally {
    Py_DECREF(meth);
  }
};
methodcallerType.tp_repr = (o) => {
  const [name, rest, kw] = o.ob_item as PyObject[];
  const parts = [reprText(name), ...(rest.ob_item as PyObject[]).map(reprText)];
  dictForEach(kw, (k, v) => parts.push(`${str(k)}=${reprText(v)}`));
  return PyUnicode_FromString(`operator.methodcaller(${parts.join(", ")})`);
};

registerBuiltinModule({
  name: "_operator",
  doc: "Operator interface.\n\n" +
    "This module exports a set of functions implemented in C corresponding\n" +
    "to the intrinsic operators of Python.  For example, operator.add(x, y)\n" +
    "is equivalent to the expression x+y.  The function names are those\n" +
    "used for special methods; variants without leading and trailing\n" +
    "'__' are also provided for convenience.",
  methods: operatorMethods,
  exec(mod) {
    for (const t of [itemgetterType, attrgetterType, methodcallerType]) {
      PyType_Ready(t);
      PyModule_AddType(mod, t);
    }
  },
});
