// Calling a class: the tp_instance_vectorcall of `type`'s instances, with a direct path for
// the commonest call of all, a plain class with a Python __init__.
//
// CPython 3.11 goes _PyObject_MakeTpCall -> type_call -> object_new, then slot_tp_init ->
// _PyObject_Call_Prepend -> _PyFunction_Vectorcall -> _PyEval_Vector for `Point(x, y)`.
// The direct path does the same work in the same order with the same references — the
// argument tuple lives while __init__ runs, object_new allocates, the __init__ function
// is looked up after the allocation and held while it runs, the call's recursion check and
// the new frame's both happen, the frame's locals are bound as initialize_locals binds
// them, a non-None result raises slot_tp_init's TypeError — without the layers between.
// Anything else (a metaclass, a custom __new__, keyword arguments, an __init__ that is not
// a Python function) takes type_vectorcall, the general path.

import { CO } from "../compiler/code.ts";
import {
  Py_DECREF,
  Py_INCREF,
  Py_None,
  Py_TPFLAGS_IS_ABSTRACT,
  PyFunction_Type,
  PyObject,
  PyTuple_Type,
  PyType_Type,
  type PyTypeObject,
} from "../objects/object.ts";
import { codeData } from "../objects/codeobject.ts";
import { funcData } from "../objects/funcobject.ts";
import {
  _PyType_Lookup,
  object_init,
  object_new,
  releaseInitResult,
  slot_tp_init,
  type_vectorcall,
  typeVersionTag,
} from "../objects/typeobject.ts";
import { PyTuple_FromArraySteal } from "../objects/tupleobject.ts";
import { Py_EnterRecursiveCall, Py_LeaveRecursiveCall } from "../objects/objectops.ts";
import { _Py_ID } from "../objects/unicodeobject.ts";
import { _PyObject_InitializeDict } from "../objects/inlinevalues.ts";
import { clearAndPopFrame, type Frame, pushFrame } from "./frame.ts";
import { initializeLocals } from "./arguments.ts";
import { _PyEval_Vector, bumpFrame, evalCompiledFrame, runFrame } from "./eval.ts";
import { instrument } from "./instrument.ts";
import { callGeneric, opError } from "./ops.ts";

let ID___init__: PyObject | null = null;

/** `type`'s tp_instance_vectorcall: a plain class directly, anything else as type_vectorcall. */
export function classVectorcall(
  callable: PyObject,
  args: (PyObject | null)[],
  offset: number,
  nargs: number,
  kwnames: PyObject | null,
): PyObject {
  const type = callable as PyTypeObject;
  if (
    kwnames !== null || callable.ob_type !== PyType_Type || type.tp_vectorcall !== null ||
    type.tp_new !== object_new || type.tp_init !== slot_tp_init
  ) {
    return type_vectorcall(callable, args, offset, nargs, kwnames);
  }
  // _PyObject_MakeTpCall: the argument tuple, then the call's recursion check
  const items: PyObject[] = new Array(nargs);
  for (let i = 0; i < nargs; i++) {
    const a = args[offset + i]!;
    Py_INCREF(a);
    items[i] = a;
  }
  const argstuple = PyTuple_FromArraySteal(items);
  try {
    Py_EnterRecursiveCall(" while calling a Python object");
    try {
      // type_call: tp_new, then the tp_init of the object's type
      const obj = object_new(type, argstuple, null);
      try {
        initByType(obj, argstuple);
      } catch (e) {
        Py_DECREF(obj);
        throw e;
      }
      return obj;
    } finally {
      Py_LeaveRecursiveCall();
    }
  } finally {
    Py_DECREF(argstuple);
  }
}

/** type_call's tp_init call, for the class the object has now. */
function initByType(obj: PyObject, argstuple: PyObject): void {
  const init = obj.ob_type.tp_init;
  if (init === slot_tp_init) initInstance(obj, argstuple);
  else if (init !== null) init(obj, argstuple, null);
}

/** slot_tp_init for a Python __init__ (anything else through slot_tp_init itself). */
function initInstance(obj: PyObject, argstuple: PyObject): void {
  const name = ID___init__ ??= _Py_ID("__init__");
  const meth = _PyType_Lookup(obj.ob_type, name);
  if (meth === null || meth.ob_type !== PyFunction_Type) {
    slot_tp_init(obj, argstuple, null);
    return;
  }
  // lookup_method's reference, held while __init__ runs
  Py_INCREF(meth);
  let res: PyObject;
  try {
    res = runInit(meth, obj, argstuple.ob_item as PyObject[]);
  } finally {
    Py_DECREF(meth);
  }
  releaseInitResult(res);
}

/**
 * _PyObject_Call_Prepend + _PyEval_Vector: func(obj, *items) in a new frame whose locals
 * take new references to the function and the arguments.
 */
function runInit(func: PyObject, obj: PyObject, items: PyObject[]): PyObject {
  const co = codeData(funcData(func).code);
  const n = items.length;
  if ((co.co_flags & CO.OPTIMIZED) === 0) {
    return _PyEval_Vector(func, funcData(func).globals, [obj, ...items], 0, n + 1, null);
  }
  Py_INCREF(func);
  Py_INCREF(obj);
  for (let i = 0; i < n; i++) Py_INCREF(items[i]);
  const frame = pushFrame(func, null);
  const ls = frame.localsplus;
  const base = frame.base;
  if (
    co.co_argcount === n + 1 && co.co_kwonlyargcount === 0 &&
    (co.co_flags & (CO.VARARGS | CO.VARKEYWORDS)) === 0
  ) {
    // initialize_locals' common case: exactly the positional parameters
    ls[base] = obj;
    for (let i = 0; i < n; i++) ls[base + 1 + i] = items[i];
  } else {
    try {
      initializeLocals(func, co, ls, base, [obj, ...items], 0, n + 1, null);
    } catch (e) {
      clearAndPopFrame(frame);
      throw e;
    }
  }
  return runFrame(frame);
}

/**
 * What a CALL site of compiled code knows about the class it calls: a plain class (as
 * classVectorcall's direct path takes it) and its Python __init__, borrowed from the
 * class's dict while the class keeps this version; or null for a class that inherits
 * object.__init__ (a class with __slots__ and no __init__, say).
 */
class ClassSite {
  // (declared and set in the constructor: see AttrCache in specialize.ts)
  declare readonly type: PyTypeObject;
  declare readonly version: number;
  declare readonly init: PyObject | null;
  constructor(type: PyTypeObject, version: number, init: PyObject | null) {
    this.type = type;
    this.version = version;
    this.init = init;
  }
}

/** The site record for type, or null when a call of it is not classVectorcall's plain case. */
function classSite(type: PyTypeObject): ClassSite | null {
  if (
    type.ob_type !== PyType_Type || type.tp_vectorcall !== null || type.tp_new !== object_new
  ) {
    return null;
  }
  if (type.tp_init === object_init) return new ClassSite(type, typeVersionTag(type), null);
  if (type.tp_init !== slot_tp_init) return null;
  const init = _PyType_Lookup(type, ID___init__ ??= _Py_ID("__init__"));
  if (init === null || init.ob_type !== PyFunction_Type) return null;
  return new ClassSite(type, typeVersionTag(type), init);
}

/**
 * The item array of an argument tuple callClass made and saw freed, by length, for its
 * next tuple of that length (the array is the one JavaScript allocation of the call's
 * tuple: the tuple object itself comes from tuple's free list).
 */
const SPARE_ITEMS = 8;
const spareItems: (PyObject[] | null)[] = new Array(SPARE_ITEMS).fill(null);

export function callClass(
  frame: Frame,
  ls: (PyObject | null)[],
  sp: number,
  total: number,
  isMeth: boolean,
  cache: unknown[],
  i: number,
): number {
  const type = ls[sp - total - 1] as PyTypeObject;
  let site = cache[i] as ClassSite | null;
  if (site === null || site.type !== type || site.version !== type.tp_version_tag) {
    site = classSite(type);
    if (site === null) return callGeneric(frame, ls, sp, total, total, isMeth, null);
    cache[i] = site;
  }
  frame.sp = sp;
  const argsAt = sp - total;
  // _PyObject_MakeTpCall: the argument tuple, then the call's recursion check
  let items = total < SPARE_ITEMS ? spareItems[total] : null;
  if (items !== null) spareItems[total] = null;
  else items = new Array(total);
  for (let j = 0; j < total; j++) {
    const a = ls[argsAt + j]!;
    a.ob_refcnt++;
    items[j] = a;
  }
  const argstuple = PyTuple_FromArraySteal(items);
  let obj: PyObject;
  try {
    Py_EnterRecursiveCall(" while calling a Python object");
    try {
      // type_call: object_new, then __init__. A class with a Python __init__ passes
      // object_new's argument checks; one that inherits object.__init__ passes them only
      // when called without arguments (object_new raises "takes no arguments").
      obj = (type.tp_flags & Py_TPFLAGS_IS_ABSTRACT) !== 0 || (site.init === null && total !== 0)
        ? object_new(type, argstuple, null)
        : newInstance(type);
      try {
        // (allocating can collect garbage, and a finalizer can change the class)
        const init = site.init;
        if (site.version !== type.tp_version_tag) initByType(obj, argstuple);
        else if (init !== null) runSiteInit(init, obj, items);
        // object_init has nothing to check: object_new refused arguments already
      } catch (e) {
        Py_DECREF(obj);
        throw e;
      }
    } finally {
      Py_LeaveRecursiveCall();
    }
  } catch (e) {
    Py_DECREF(argstuple);
    // callGeneric's unwinding
    Py_DECREF(type);
    for (let j = 0; j < total; j++) Py_DECREF(ls[argsAt + j]!);
    opError.sp = argsAt - (isMeth ? 1 : 2);
    opError.set = true;
    throw e;
  }
  if (--argstuple.ob_refcnt === 0) {
    const frees = PyTuple_Type.tp_frees;
    PyTuple_Type.tp_dealloc!(argstuple);
    // the tuple is gone (a free tuple's items are never read again): its array serves the
    // next call's tuple, unless the trashcan deposited the tuple for later (uncounted)
    if (total < SPARE_ITEMS && PyTuple_Type.tp_frees !== frees) spareItems[total] = items;
  }
  if (--type.ob_refcnt === 0) type.ob_type.tp_dealloc!(type);
  for (let j = 0; j < total; j++) {
    const a = ls[argsAt + j]!;
    if (--a.ob_refcnt === 0) a.ob_type.tp_dealloc!(a);
  }
  sp = argsAt - (isMeth ? 1 : 2);
  ls[sp++] = obj;
  return sp;
}

/** object_new's allocation for a class that is not abstract: tp_alloc, then the inline values. */
function newInstance(type: PyTypeObject): PyObject {
  const obj = type.tp_alloc!(type, 0);
  _PyObject_InitializeDict(obj);
  return obj;
}

/**
 * initInstance for a site's __init__ (already looked up): held while it runs, bound
 * straight into a new frame when it takes exactly the arguments positionally, and its
 * compiled code called directly when it has some.
 */
function runSiteInit(init: PyObject, obj: PyObject, items: PyObject[]): void {
  init.ob_refcnt++;
  let res: PyObject;
  try {
    const fd = funcData(init);
    const code = fd.code;
    const co = codeData(code);
    const n = items.length;
    if (
      co.co_argcount !== n + 1 || co.co_kwonlyargcount !== 0 ||
      (co.co_flags & (CO.OPTIMIZED | CO.VARARGS | CO.VARKEYWORDS)) !== CO.OPTIMIZED
    ) {
      res = runInit(init, obj, items);
    } else {
      // _PyEval_Vector's references: the function's and each argument's, for the frame
      init.ob_refcnt++;
      obj.ob_refcnt++;
      const f = bumpFrame(init, fd, code, co);
      const stack = f.localsplus;
      const base = f.base;
      stack[base] = obj;
      for (let j = 0; j < n; j++) {
        const a = items[j];
        a.ob_refcnt++;
        stack[base + 1 + j] = a;
      }
      for (let j = n + 1, end = co.co_nlocalsplus; j < end; j++) stack[base + j] = null;
      const cj = co.jit;
      if (cj === null || instrument.active) res = runFrame(f);
      else {
        try {
          res = evalCompiledFrame(f, cj);
        } catch (e) {
          clearAndPopFrame(f);
          throw e;
        }
        co.jitPop!(f);
      }
    }
  } finally {
    if (--init.ob_refcnt === 0) init.ob_type.tp_dealloc!(init);
  }
  if (res !== Py_None) releaseInitResult(res);
  else res.ob_refcnt--;
}
