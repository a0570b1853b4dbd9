// Calling objects (Objects/call.c): vectorcall first, tp_call through an argument tuple
// and keyword dict otherwise, with the temporary tuples and dicts (and so the reference
// counts) that CPython's paths create.

import { Py_DECREF, Py_INCREF, Py_XDECREF, PyObject, type vectorcallfunc } from "./object.ts";
import { PyErr_Format } from "./errors.ts";
import { PyExc_TypeError } from "./exceptions.ts";
import { Py_EnterRecursiveCall, Py_LeaveRecursiveCall, str } from "./objectops.ts";
import { PyTuple_FromArray, PyTuple_FromArraySteal, tuple_empty } from "./tupleobject.ts";
import { dictForEach, PyDict_New, PyDict_SetItem, PyDict_Size } from "./dictobject.ts";
import { PyUnicode_Check } from "./unicodeobject.ts";

/** The vectorcall function for calling `callable`, or null (_PyVectorcall_Function). */
export function vectorcallOf(callable: PyObject): vectorcallfunc | null {
  return callable.ob_type.tp_instance_vectorcall;
}

function notCallable(callable: PyObject): PyObject {
  return PyErr_Format(PyExc_TypeError, `'${callable.ob_type.tp_name}' object is not callable`);
}

/** _PyStack_AsDict: keyword arguments as a dict (values borrowed from args). */
export function _PyStack_AsDict(
  args: (PyObject | null)[],
  offset: number,
  kwnames: PyObject,
): PyObject {
  const names = kwnames.ob_item!;
  const d = PyDict_New();
  try {
    for (let i = 0; i < names.length; i++) PyDict_SetItem(d, names[i]!, args[offset + i]!);
  } catch (e) {
    Py_DECREF(d);
    throw e;
  }
  return d;
}

/** args[offset..offset+nargs) as a new exact-size array (literals for the usual few). */
function argsArray(args: (PyObject | null)[], offset: number, nargs: number): PyObject[] {
  switch (nargs) {
    case 0:
      return [];
    case 1:
      return [args[offset]!];
    case 2:
      return [args[offset]!, args[offset + 1]!];
    case 3:
      return [args[offset]!, args[offset + 1]!, args[offset + 2]!];
    default:
      return args.slice(offset, offset + nargs) as PyObject[];
  }
}

/** _PyObject_MakeTpCall: the slow path through tp_call with a tuple and a dict. */
export function _PyObject_MakeTpCall(
  callable: PyObject,
  args: (PyObject | null)[],
  offset: number,
  nargs: number,
  kwnames: PyObject | null,
): PyObject {
  const call = callable.ob_type.tp_call;
  if (call === null) throw notCallable(callable);
  const argstuple = PyTuple_FromArray(argsArray(args, offset, nargs));
  let kwdict: PyObject | null = null;
  try {
    if (kwnames !== null && kwnames.ob_item!.length > 0) {
      kwdict = _PyStack_AsDict(args, offset + nargs, kwnames);
    }
    Py_EnterRecursiveCall(" while calling a Python object");
    try {
      return call(callable, argstuple, kwdict);
    } finally {
      Py_LeaveRecursiveCall();
    }
  } finally {
    Py_DECREF(argstuple);
    Py_XDECREF(kwdict);
  }
}

/** PyObject_Vectorcall: args[offset..offset+nargs) then the keyword values, borrowed. */
export function PyObject_Vectorcall(
  callable: PyObject,
  args: (PyObject | null)[],
  offset: number,
  nargs: number,
  kwnames: PyObject | null,
): PyObject {
  const func = callable.ob_type.tp_instance_vectorcall;
  if (func === null) return _PyObject_MakeTpCall(callable, args, offset, nargs, kwnames);
  return func(callable, args, offset, nargs, kwnames);
}

/** _PyStack_UnpackDict: positional args and dict values into one array (all increfed). */
function unpackDict(
  items: PyObject[],
  kwargs: PyObject,
): { stack: PyObject[]; kwnames: PyObject } {
  const stack: PyObject[] = [];
  for (const a of items) {
    Py_INCREF(a);
    stack.push(a);
  }
  const names: PyObject[] = [];
  let allStr = true;
  dictForEach(kwargs, (k, v) => {
    if (!PyUnicode_Check(k)) allStr = false;
    Py_INCREF(k);
    Py_INCREF(v);
    names.push(k);
    stack.push(v);
  });
  const kwnames = PyTuple_FromArraySteal(names);
  if (!allStr) {
    for (const s of stack) Py_DECREF(s);
    Py_DECREF(kwnames);
    throw PyErr_Format(PyExc_TypeError, "keywords must be strings");
  }
  return { stack, kwnames };
}

/** _PyVectorcall_Call: calls a vectorcall function with a tuple and a dict. */
function vectorcallCall(
  func: vectorcallfunc,
  callable: PyObject,
  args: PyObject,
  kwargs: PyObject | null,
): PyObject {
  const items = args.ob_item as PyObject[];
  if (kwargs === null || PyDict_Size(kwargs) === 0) {
    return func(callable, items, 0, items.length, null);
  }
  const { stack, kwnames } = unpackDict(items, kwargs);
  try {
    return func(callable, stack, 0, items.length, kwnames);
  } finally {
    for (let i = 0; i < stack.length; i++) Py_DECREF(stack[i]);
    Py_DECREF(kwnames);
  }
}

/** PyObject_Call(callable, args tuple, kwargs dict or null). */
export function PyObject_Call(
  callable: PyObject,
  args: PyObject,
  kwargs: PyObject | null,
): PyObject {
  const vf = callable.ob_type.tp_instance_vectorcall;
  if (vf !== null) return vectorcallCall(vf, callable, args, kwargs);
  const call = callable.ob_type.tp_call;
  if (call === null) throw notCallable(callable);
  Py_EnterRecursiveCall(" while calling a Python object");
  try {
    return call(callable, args, kwargs);
  } finally {
    Py_LeaveRecursiveCall();
  }
}

/** PyVectorcall_Call: tp_call of types that implement vectorcall. */
export function PyVectorcall_Call(
  callable: PyObject,
  args: PyObject,
  kwargs: PyObject | null,
): PyObject {
  const vf = callable.ob_type.tp_instance_vectorcall;
  if (vf === null) throw notCallable(callable);
  return vectorcallCall(vf, callable, args, kwargs);
}

export function PyObject_CallNoArgs(callable: PyObject): PyObject {
  return PyObject_Vectorcall(callable, EMPTY_ARGS, 0, 0, null);
}

const EMPTY_ARGS: PyObject[] = [];

export function PyObject_CallOneArg(callable: PyObject, arg: PyObject): PyObject {
  return PyObject_Vectorcall(callable, [arg], 0, 1, null);
}

/** Calls with borrowed positional arguments. */
export function PyObject_CallArgs(callable: PyObject, ...args: PyObject[]): PyObject {
  return PyObject_Vectorcall(callable, args, 0, args.length, null);
}

/** _PyObject_Call_Prepend: callable(obj, *args, **kwargs) without building a new tuple. */
export function _PyObject_Call_Prepend(
  callable: PyObject,
  obj: PyObject,
  args: PyObject,
  kwargs: PyObject | null,
): PyObject {
  const items = args.ob_item as PyObject[];
  let stack: PyObject[];
  switch (items.length) {
    case 0:
      stack = [obj];
      break;
    case 1:
      stack = [obj, items[0]];
      break;
    case 2:
      stack = [obj, items[0], items[1]];
      break;
    default:
      stack = [obj, ...items];
  }
  if (kwargs === null || PyDict_Size(kwargs) === 0) {
    return PyObject_Vectorcall(callable, stack, 0, stack.length, null);
  }
  // _PyObject_FastCallDict: a vectorcall takes the arguments and the keyword values in one
  // new array (new references, released after); anything else a tuple through tp_call
  const vf = callable.ob_type.tp_instance_vectorcall;
  if (vf !== null) {
    const unpacked = unpackDict(stack, kwargs);
    try {
      return vf(callable, unpacked.stack, 0, stack.length, unpacked.kwnames);
    } finally {
      for (let i = 0; i < unpacked.stack.length; i++) Py_DECREF(unpacked.stack[i]);
      Py_DECREF(unpacked.kwnames);
    }
  }
  const tuple = PyTuple_FromArray(stack);
  try {
    return PyObject_Call(callable, tuple, kwargs);
  } finally {
    Py_DECREF(tuple);
  }
}

/** PyObject_VectorcallMethod-like helper: looks up name on obj and calls it. */
export function callMethodName(
  obj: PyObject,
  name: PyObject,
  args: PyObject[],
): PyObject {
  const meth = getattr(obj, name);
  try {
    return PyObject_Vectorcall(meth, args, 0, args.length, null);
  } finally {
    Py_DECREF(meth);
  }
}

import { PyObject_GetAttr } from "./objectops.ts";
function getattr(o: PyObject, n: PyObject): PyObject {
  return PyObject_GetAttr(o, n);
}

/** The keyword argument names of a call, as JavaScript strings. */
export function kwnameList(kwnames: PyObject | null): string[] {
  if (kwnames === null) return [];
  return (kwnames.ob_item as PyObject[]).map((k) => str(k));
}

export { tuple_empty };
