// The eval loop (Python/ceval.c, _PyEval_EvalFrameDefault).
//
// One function, one switch over CPython 3.11's opcodes, the same reference-count work per
// instruction as ceval.c. Calls to Python functions do not recurse on the JavaScript
// stack: CALL pushes the new frame on the shared data stack and the loop continues in it;
// RETURN_VALUE pops back. Only calls that go through C-level code (a builtin calling
// back, __init__ from type.__call__, a generator's frame) start a new invocation, as in
// CPython. A Python exception is a thrown PyObject; the catch block is the `error:` and
// `exception_unwind:` labels of ceval.c.

import { CO } from "../compiler/code.ts";
import {
  _Py_DECREF_NO_DEALLOC,
  Py_DECREF,
  Py_False,
  Py_INCREF,
  Py_None,
  Py_NotImplemented,
  Py_True,
  Py_XDECREF,
  PyBaseObject_Type,
  PyBool_Type,
  PyCFunction_Type,
  PyCoro_Type,
  PyDict_Type,
  PyFloat_Type,
  PyFunction_Type,
  PyGen_Type,
  PyList_Type,
  PyLong_Type,
  PyMethod_Type,
  PyMethodDescr_Type,
  PyObject,
  PyTuple_Type,
  PyType_IsSubtype,
  PyType_Type,
  type PyTypeObject,
  PyUnicode_Type,
} from "../objects/object.ts";
import { type CodeData, codeData, findHandler } from "../objects/codeobject.ts";
import {
  type DictKeys,
  dictReplaceAt,
  dictStrIndex,
  dictSubscrStr,
  dictValueAt,
} from "../objects/dictobject.ts";
import {
  enterContext,
  op_BEFORE_WITH,
  op_BUILD_CONST_KEY_MAP,
  op_BUILD_MAP,
  op_BUILD_SET,
  op_BUILD_SLICE,
  op_BUILD_STRING,
  op_CHECK_EG_MATCH,
  op_CHECK_EXC_MATCH,
  op_CONTAINS_OP,
  op_COPY_FREE_VARS,
  op_DELETE_ATTR,
  op_DELETE_DEREF,
  op_DELETE_FAST,
  op_DELETE_GLOBAL,
  op_DELETE_NAME,
  op_DELETE_SUBSCR,
  op_DICT_MERGE,
  op_DICT_UPDATE,
  op_FORMAT_VALUE,
  op_GET_ITER,
  op_GET_LEN,
  op_GET_YIELD_FROM_ITER,
  op_IMPORT_FROM,
  op_IMPORT_NAME,
  op_IMPORT_STAR,
  op_LIST_EXTEND,
  op_LIST_TO_TUPLE,
  op_LOAD_BUILD_CLASS,
  op_LOAD_CLASSDEREF,
  op_LOAD_NAME,
  op_MAKE_CELL,
  op_MAKE_FUNCTION,
  op_MAP_ADD,
  op_MATCH_CLASS,
  op_MATCH_KEYS,
  op_MATCH_MAPPING,
  op_MATCH_SEQUENCE,
  op_POP_EXCEPT,
  op_PREP_RERAISE_STAR,
  op_PRINT_EXPR,
  op_PUSH_EXC_INFO,
  op_RAISE_VARARGS,
  op_SET_ADD,
  op_SET_UPDATE,
  op_SETUP_ANNOTATIONS,
  op_STORE_GLOBAL,
  op_STORE_NAME,
  op_STORE_SUBSCR,
  op_UNARY_INVERT,
  op_UNARY_NEGATIVE,
  op_UNARY_NOT,
  op_UNARY_POSITIVE,
  op_UNPACK_EX,
  op_UNPACK_SEQUENCE,
  op_WITH_EXCEPT_START,
  opError,
} from "./ops.ts";
import {
  compileCode,
  JIT_CALL,
  JIT_EXIT,
  JIT_RAISE,
  JIT_REENTER,
  JIT_RETURN,
  JIT_YIELD,
  jitDepth,
  type JitFunction,
  jitOut,
  jitStats,
  setJitRuntime,
} from "./jit.ts";
import { binaryOpSlow, callGeneric, compareSlow, concatStrings, truthAndDecref } from "./ops.ts";
import * as opsModule from "./ops.ts";
import {
  loadAttrCached,
  loadAttrPlain,
  loadMethodCached,
  methodFound,
  storeAttrCached,
  storeAttrPlain,
} from "./specialize.ts";
import { funcData, type FunctionData, PyFunction_New } from "../objects/funcobject.ts";
import { tstate } from "../objects/pystate.ts";
import {
  clearAndPopFrame,
  clearFrame,
  Frame,
  FRAME_OWNED_BY_THREAD,
  getFrameObject,
  popFrameOnly,
  pushFrame,
  vmstack,
} from "./frame.ts";
import { initializeLocals } from "./arguments.ts";
import { chainContext, PyErr_Format, PyErr_FromJS, PyErr_SetObject } from "../objects/errors.ts";
import {
  excData,
  PyExc_AssertionError,
  PyExc_BaseException,
  PyExc_ImportError,
  PyExc_KeyboardInterrupt,
  PyExc_KeyError,
  PyExc_NameError,
  PyExc_RuntimeError,
  PyExc_StopAsyncIteration,
  PyExc_StopIteration,
  PyExc_SystemError,
  PyExc_TypeError,
  PyExc_UnboundLocalError,
  PyExc_ValueError,
  PyException_SetCause,
  PyException_SetContext,
  PyExceptionClass_Check,
  PyExceptionInstance_Check,
} from "../objects/exceptions.ts";
import {
  _PyObject_GetMethod,
  _PyObject_LookupAttr,
  checkRecursiveCall,
  methodOut,
  PyObject_GetAttr,
  PyObject_IsTrue,
  PyObject_Repr,
  PyObject_RichCompare,
  PyObject_SetAttr,
  PyObject_Str,
  str,
} from "../objects/objectops.ts";
import {
  binary_ops,
  PyIter_Next,
  PyObject_GetItem,
  PyObject_GetIter,
  PyObject_IsInstance,
  PyObject_SetItem,
  PySequence_Check,
  PySequence_List,
  PySequence_Tuple,
} from "../objects/abstract.ts";
import {
  _PyObject_MakeTpCall,
  PyObject_Call,
  PyObject_CallNoArgs,
  PyObject_CallOneArg,
  PyObject_Vectorcall,
} from "../objects/call.ts";
import {
  _PyDict_LoadGlobal,
  _PyDict_NewPresized,
  _PyDict_SetItem_Take2,
  dict_merge,
  dictForEach,
  dictGetStr,
  PyDict_Check,
  PyDict_Contains,
  PyDict_GetItemWithError,
  PyDict_New,
  PyDict_SetItem,
  PyDict_Size,
} from "../objects/dictobject.ts";
import { PyTuple_Check, PyTuple_FromArraySteal, tuple_empty } from "../objects/tupleobject.ts";
import {
  _PyList_AppendTakeRef,
  list_iter,
  listiter_next,
  PyList_Check,
  PyList_FromArraySteal,
  type PyListObject,
} from "../objects/listobject.ts";
import { longValuesBinaryOp, PyLong_FromNumber } from "../objects/longobject.ts";
import { floatFreeList, PyFloat_FromDouble } from "../objects/floatobject.ts";
import {
  _Py_ID,
  PyUnicode_FromString,
  type PyUnicodeObject,
  unicode_empty,
} from "../objects/unicodeobject.ts";
import { lookupMaybeMethod, PyType_Check } from "../objects/typeobject.ts";
import { PyTraceBack_Here } from "./traceback.ts";
import { coroGetAwaitableIter, gen_iternext, genYieldFrom, makeGenerator } from "./genobject.ts";
import { rangeiter_next } from "../objects/rangeobject.ts";
import {
  PyDictIterItem_Type,
  PyDictIterKey_Type,
  PyDictIterValue_Type,
  PyListIter_Type,
  PyRangeIter_Type,
  PyTupleIter_Type,
} from "../objects/object.ts";
import {
  dictiter_iternextitem,
  dictiter_iternextkey,
  dictiter_iternextvalue,
} from "../objects/dictviews.ts";
import { tupleiter_next } from "../objects/tuplemethods.ts";
import { PyDictProxy_New } from "../objects/descrobject.ts";
import { hostState } from "./hoststate.ts";
import { instrument } from "./instrument.ts";
import { callClass } from "./typecall.ts";
import { callBuiltin } from "./callbuiltin.ts";
import { setSlotValue, slotValue } from "../objects/slots.ts";

/** A reraise (RERAISE, bare raise) that must not add a traceback entry for this frame. */
let reraised: PyObject | null = null;

export function unboundLocal(co: CodeData, oparg: number): PyObject {
  const name = (co.co_localsplusnames.ob_item as PyObject[])[oparg];
  const e = PyErr_Format(
    PyExc_UnboundLocalError,
    `cannot access local variable '${str(name)}' where it is not associated with a value`,
  );
  return e;
}

export function unboundDeref(co: CodeData, oparg: number): PyObject {
  const name = (co.co_localsplusnames.ob_item as PyObject[])[oparg];
  if (oparg < co.co_nplaincellvars + co.co_nlocals) {
    return PyErr_Format(
      PyExc_UnboundLocalError,
      `cannot access local variable '${str(name)}' where it is not associated with a value`,
    );
  }
  return nameErrorWith(
    `cannot access free variable '${
      str(name)
    }' where it is not associated with a value in enclosing scope`,
    name,
  );
}

/** format_exc_check_arg for NameError: the message, and the name for suggestions. */
export function nameErrorWith(msg: string, name: PyObject): PyObject {
  const e = PyErr_Format(PyExc_NameError, msg);
  const d = excData(e);
  if (d.name === null) {
    Py_INCREF(name);
    d.name = name;
  }
  return e;
}

export function nameError(name: PyObject): PyObject {
  return nameErrorWith(`name '${str(name)}' is not defined`, name);
}

/**
 * Where a LOAD_GLOBAL found its name last time (CPython specialises LOAD_GLOBAL on the
 * dicts' keys versions the same way): the globals' keys object and entry, or, for a
 * builtin, the globals' keys object and entry count (proving the name is still absent)
 * and the builtins' keys object and entry.
 */
class GlobalCache {
  // (declared and set in the constructor, as every record read in compiled code: see
  // AttrCache in specialize.ts)
  declare readonly gkeys: DictKeys;
  declare readonly gix: number;
  declare readonly gn: number;
  declare readonly bkeys: DictKeys | null;
  declare readonly bix: number;
  declare readonly key: PyObject;
  declare readonly greuse: number;
  declare readonly breuse: number;
  constructor(
    gkeys: DictKeys,
    gix: number,
    gn: number,
    bkeys: DictKeys | null,
    bix: number,
    key: PyObject,
  ) {
    this.gkeys = gkeys;
    this.gix = gix;
    this.gn = gn;
    this.bkeys = bkeys;
    this.bix = bix;
    this.key = key;
    this.greuse = gkeys.reuse;
    this.breuse = bkeys === null ? 0 : bkeys.reuse;
  }
}

/** _PyDict_LoadGlobal with the per-instruction cache; the value is borrowed. */
function loadGlobalCached(
  cache: unknown[],
  i: number,
  globals: PyObject,
  builtins: PyObject,
  name: PyObject,
): PyObject | null {
  const c = cache[i] as GlobalCache | null;
  const gk = globals.ob_data as DictKeys;
  if (c !== null && c.gkeys === gk && gk.reuse === c.greuse) {
    if (c.bkeys === null) {
      if (gk.keys[c.gix] === c.key) {
        const v = gk.values[c.gix];
        if (v !== null) return v;
      }
    } else if (
      gk.nentries === c.gn && builtins.ob_data === c.bkeys && c.bkeys.reuse === c.breuse
    ) {
      const bk = c.bkeys;
      if (bk.keys[c.bix] === c.key) {
        const v = bk.values[c.bix];
        if (v !== null) return v;
      }
    }
  }
  const gix = dictStrIndex(globals, name);
  if (gix >= 0) {
    const gk2 = globals.ob_data as DictKeys;
    cache[i] = new GlobalCache(gk2, gix, 0, null, 0, gk2.keys[gix]!);
    return gk2.values[gix];
  }
  const bix = dictStrIndex(builtins, name);
  if (bix >= 0) {
    const bk = builtins.ob_data as DictKeys;
    cache[i] = new GlobalCache(
      globals.ob_data as DictKeys,
      0,
      (globals.ob_data as DictKeys).nentries,
      bk,
      bix,
      bk.keys[bix]!,
    );
    return bk.values[bix];
  }
  return null;
}

/**
 * CALL of a Python function (the inlined call of ceval.c): binds the arguments (stolen from
 * ls[argsAt..]; the function's reference goes to the new frame), pushes the new frame and
 * makes it current. retInstr is the caller's prev_instr while the callee runs (its CALL's
 * last cache entry). On error (bad arguments, recursion limit) the callee frame is gone
 * and the exception is raised in the caller.
 */
export function startPythonCall(
  frame: Frame,
  fn: PyObject,
  ls: (PyObject | null)[],
  argsAt: number,
  positional: number,
  kw: PyObject | null,
  retInstr: number,
): Frame {
  const fd = funcData(fn);
  const code = fd.code;
  const fco = codeData(code);
  frame.prev_instr = retInstr;
  // The common call, bound here in one pass: an optimized function given only positional
  // arguments, at most its positional parameters, the rest (if any) from its defaults.
  if (
    kw === null && (fco.co_flags & SIMPLE_CALL_FLAGS) === CO.OPTIMIZED &&
    fco.co_kwonlyargcount === 0 && positional <= fco.co_argcount &&
    (positional === fco.co_argcount ||
      (fd.defaults !== null &&
        fco.co_argcount - positional <= (fd.defaults.ob_item as PyObject[]).length))
  ) {
    return startSimpleCall(frame, fn, fd, code, fco, ls, argsAt, positional);
  }
  if (
    kw === null && (fco.co_flags & SIMPLE_CALL_FLAGS) === (CO.OPTIMIZED | CO.VARARGS) &&
    fco.co_kwonlyargcount === 0 && positional >= fco.co_argcount
  ) {
    return startVarargsCall(frame, fn, fd, code, fco, ls, argsAt, positional);
  }
  if (
    kw !== null && (fco.co_flags & SIMPLE_CALL_FLAGS) === CO.OPTIMIZED &&
    positional <= fco.co_argcount
  ) {
    const f = startKeywordCall(frame, fn, fd, code, fco, ls, argsAt, positional, kw);
    if (f !== null) return f;
  }
  const locals = fco.co_flags & CO.OPTIMIZED ? null : fd.globals;
  const newFrame = pushFrame(fn, locals);
  try {
    initializeLocals(
      fn,
      newFrame.code,
      newFrame.localsplus,
      newFrame.base,
      ls,
      argsAt,
      positional,
      kw,
    );
  } catch (e) {
    clearAndPopFrame(newFrame);
    throw e;
  }
  return enterFrame(frame, newFrame);
}

/**
 * startPythonCall for the CALL of compiled code, which runs only while no instruction hook
 * watches (so no reference-count operation is being counted): startSimpleCall's case (an
 * optimized function given positional arguments only, the missing ones from its defaults)
 * bound here in one pass, with bumpFrame's work written out (it measured faster so); anything
 * else goes to startPythonCall.
 */
export function startCompiledCall(
  frame: Frame,
  fn: PyObject,
  ls: (PyObject | null)[],
  argsAt: number,
  positional: number,
  kw: PyObject | null,
  retInstr: number,
): Frame {
  const fd = funcData(fn);
  const code = fd.code;
  const co = codeData(code);
  const argcount = co.co_argcount;
  if (
    kw !== null || positional > argcount ||
    (co.co_flags & SIMPLE_CALL_FLAGS) !== CO.OPTIMIZED || co.co_kwonlyargcount !== 0 ||
    (positional < argcount &&
      (fd.defaults === null || argcount - positional > fd.defaults.ob_item!.length))
  ) {
    return startPythonCall(frame, fn, ls, argsAt, positional, kw, retInstr);
  }
  frame.prev_instr = retInstr;
  const nlp = co.co_nlocalsplus;
  const ds = vmstack;
  const base = ds.top;
  const size = nlp + co.co_stacksize;
  if (base + size > ds.stack.length) ds.ensure(size);
  const stack = ds.stack;
  const f = ds.pool.pop() ?? new Frame();
  f.f_func = fn;
  code.ob_refcnt++;
  f.f_code = code;
  f.code = co;
  f.f_globals = fd.globals;
  f.f_builtins = fd.builtins;
  f.f_locals = null;
  f.frame_obj = null;
  f.prev_instr = -1;
  f.is_entry = false;
  f.owner = FRAME_OWNED_BY_THREAD;
  f.localsplus = stack;
  f.base = base;
  f.sp = base + nlp;
  ds.top = base + size;
  for (let j = 0; j < positional; j++) stack[base + j] = ls[argsAt + j];
  if (positional < argcount) {
    // the missing trailing parameters take their defaults (new references)
    const defs = fd.defaults!.ob_item as PyObject[];
    for (let j = positional, d = defs.length - (argcount - positional); j < argcount; j++, d++) {
      const def = defs[d];
      def.ob_refcnt++;
      stack[base + j] = def;
    }
  }
  for (let j = argcount; j < nlp; j++) stack[base + j] = null;
  return enterFrame(frame, f);
}

/** The flags that keep a call off startSimpleCall's path (and CO_OPTIMIZED, which must be set). */
const SIMPLE_CALL_FLAGS = CO.OPTIMIZED | CO.VARARGS | CO.VARKEYWORDS;

/**
 * pushFrame and initialize_locals for startPythonCall's common case: the new frame takes
 * the function's reference and the arguments' (stolen), missing trailing parameters get
 * the defaults (new references), other locals are nulled.
 */
function startSimpleCall(
  frame: Frame,
  fn: PyObject,
  fd: FunctionData,
  code: PyObject,
  co: CodeData,
  ls: (PyObject | null)[],
  argsAt: number,
  nargs: number,
): Frame {
  const f = bumpFrame(fn, fd, code, co);
  const stack = f.localsplus;
  const base = f.base;
  const nlp = co.co_nlocalsplus;
  for (let j = 0; j < nargs; j++) stack[base + j] = ls[argsAt + j];
  const argcount = co.co_argcount;
  if (nargs < argcount) {
    const defs = fd.defaults!.ob_item as PyObject[];
    for (let j = nargs, d = defs.length - (argcount - nargs); j < argcount; j++, d++) {
      const def = defs[d];
      Py_INCREF(def);
      stack[base + j] = def;
    }
  }
  for (let j = argcount; j < nlp; j++) stack[base + j] = null;
  return enterFrame(frame, f);
}

/**
 * startSimpleCall's counterpart for a function with *args (and no keyword-only or **kwargs
 * parameter) given at least its positional parameters and no keywords: the extra
 * arguments become the *args tuple (their references stolen, as initialize_locals steals
 * them), the other locals are nulled.
 */
function startVarargsCall(
  frame: Frame,
  fn: PyObject,
  fd: FunctionData,
  code: PyObject,
  co: CodeData,
  ls: (PyObject | null)[],
  argsAt: number,
  nargs: number,
): Frame {
  const f = bumpFrame(fn, fd, code, co);
  const stack = f.localsplus;
  const base = f.base;
  const argcount = co.co_argcount;
  for (let j = 0; j < argcount; j++) stack[base + j] = ls[argsAt + j];
  let u: PyObject;
  if (nargs === argcount) {
    Py_INCREF(tuple_empty);
    u = tuple_empty;
  } else {
    const extra: PyObject[] = new Array(nargs - argcount);
    for (let j = argcount; j < nargs; j++) extra[j - argcount] = ls[argsAt + j]!;
    u = PyTuple_FromArraySteal(extra);
  }
  stack[base + argcount] = u;
  for (let j = argcount + 1, end = co.co_nlocalsplus; j < end; j++) stack[base + j] = null;
  return enterFrame(frame, f);
}

/**
 * How a call with keywords binds to a code object's parameters, for one sequence of keyword
 * names and one count of positional arguments: it depends on nothing else, so
 * startKeywordCall works it out once. The names are kept, not the caller's tuple: a tuple
 * freed with its code comes back from the free list holding other names. Each name is one
 * of the code object's own parameter names, so it lives as long as the plan does and
 * compares by identity.
 */
class KwPlan {
  // (declared and set in the constructor: see AttrCache in specialize.ts)
  declare readonly names: PyObject[];
  declare readonly nargs: number;
  /** The parameter each keyword value goes to. */
  declare readonly slots: number[];
  /** The parameters no argument fills, in order: they take their defaults. */
  declare readonly missing: number[];
  /** The first positional parameter among them (co_argcount if none). */
  declare readonly firstMissing: number;
  /**
   * Where each missing keyword-only parameter's default was last found in the function's
   * __kwdefaults__ (an entry index, checked before use), by position in `missing`; -1
   * before.
   */
  declare readonly kwIx: number[];
  constructor(
    names: PyObject[],
    nargs: number,
    slots: number[],
    missing: number[],
    firstMissing: number,
  ) {
    this.names = names;
    this.nargs = nargs;
    this.slots = slots;
    this.missing = missing;
    this.firstMissing = firstMissing;
    this.kwIx = missing.map(() => -1);
  }
}

/** Plans kept per code object (a function called with a few shapes of keywords). */
const MAX_KW_PLANS = 4;

/**
 * The plan of a call with keywords kw and nargs positional arguments: each keyword names,
 * by identity (the compiler's interned names), a parameter that is not positional-only,
 * not filled by the positional arguments and not named twice; null when the call is not
 * so (initialize_locals then binds it, or raises).
 */
function makeKwPlan(co: CodeData, kw: PyObject, nargs: number): KwPlan | null {
  const names = kw.ob_item as PyObject[];
  const lpnames = co.co_localsplusnames.ob_item as PyObject[];
  const argcount = co.co_argcount;
  const total = argcount + co.co_kwonlyargcount;
  const first = co.co_posonlyargcount > nargs ? co.co_posonlyargcount : nargs;
  const slots: number[] = [];
  for (let k = 0; k < names.length; k++) {
    let j = first;
    while (j < total && lpnames[j] !== names[k]) j++;
    if (j === total || slots.includes(j)) return null;
    slots.push(j);
  }
  const missing: number[] = [];
  let firstMissing = argcount;
  for (let j = nargs; j < total; j++) {
    if (slots.includes(j)) continue;
    if (j < argcount && firstMissing === argcount) firstMissing = j;
    missing.push(j);
  }
  return new KwPlan(names.slice(), nargs, slots, missing, firstMissing);
}

/** Whether a call's keyword names are a plan's, name for name. */
function sameNames(plan: PyObject[], call: PyObject[]): boolean {
  if (plan.length !== call.length) return false;
  for (let k = 0; k < plan.length; k++) if (plan[k] !== call[k]) return false;
  return true;
}

/** Scratch space of startKeywordCall: the keyword-only defaults. */
const kwDefault: (PyObject | null)[] = [];

/**
 * startSimpleCall's counterpart for calls with keywords (no *args or **kwargs parameter):
 * bound by the call's KwPlan when every parameter no argument fills has a default. null,
 * having changed nothing, when the call is not so (initialize_locals then binds it, or
 * raises).
 */
function startKeywordCall(
  frame: Frame,
  fn: PyObject,
  fd: FunctionData,
  code: PyObject,
  co: CodeData,
  ls: (PyObject | null)[],
  argsAt: number,
  nargs: number,
  kw: PyObject,
): Frame | null {
  let plans = co.kwPlans as KwPlan[] | null;
  let plan: KwPlan | null = null;
  if (plans !== null) {
    for (let p = 0; p < plans.length; p++) {
      const q = plans[p];
      if (q.nargs === nargs && sameNames(q.names, kw.ob_item as PyObject[])) {
        plan = q;
        break;
      }
    }
  }
  if (plan === null) {
    plan = makeKwPlan(co, kw, nargs);
    if (plan === null) return null;
    if (plans === null) plans = co.kwPlans = [];
    if (plans.length >= MAX_KW_PLANS) plans.shift();
    plans.push(plan);
  }
  // the parameters no argument fills: defaults, or initialize_locals' error
  const argcount = co.co_argcount;
  const defs = fd.defaults === null ? null : fd.defaults.ob_item as PyObject[];
  const firstDefault = argcount - (defs === null ? 0 : defs.length);
  if (plan.firstMissing < firstDefault) return null;
  const missing = plan.missing;
  const lpnames = co.co_localsplusnames.ob_item as PyObject[];
  for (let m = missing.length - 1; m >= 0 && missing[m] >= argcount; m--) {
    const j = missing[m];
    const kwd = fd.kwdefaults;
    if (kwd === null) return null;
    const name = lpnames[j];
    const ix = plan.kwIx[m];
    let def = ix >= 0 ? dictValueAt(kwd, ix, name) : null;
    if (def === null) {
      def = dictGetStr(kwd, name);
      if (def === null) return null;
      plan.kwIx[m] = dictStrIndex(kwd, name);
    }
    kwDefault[j - argcount] = def;
  }
  const f = bumpFrame(fn, fd, code, co);
  const stack = f.localsplus;
  const base = f.base;
  const nlp = co.co_nlocalsplus;
  for (let j = 0; j < nlp; j++) stack[base + j] = null;
  for (let j = 0; j < nargs; j++) stack[base + j] = ls[argsAt + j];
  const slots = plan.slots;
  for (let k = 0; k < slots.length; k++) stack[base + slots[k]] = ls[argsAt + nargs + k];
  for (let m = 0; m < missing.length; m++) {
    const j = missing[m];
    const def = j < argcount ? defs![j - firstDefault] : kwDefault[j - argcount]!;
    Py_INCREF(def);
    stack[base + j] = def;
  }
  return enterFrame(frame, f);
}

/**
 * pushFrame for startSimpleCall and startKeywordCall, which have the function's record and
 * code at hand: a new frame taking fn's reference (and one to its code), its locals and
 * stack a slice of the data stack, the locals not yet set.
 */
export function bumpFrame(
  fn: PyObject,
  fd: FunctionData,
  code: PyObject,
  co: CodeData,
): Frame {
  const nlp = co.co_nlocalsplus;
  const ds = vmstack;
  const size = nlp + co.co_stacksize;
  if (ds.top + size > ds.stack.length) ds.ensure(size);
  const base = ds.top;
  const f = ds.pool.pop() ?? new Frame();
  f.f_func = fn;
  Py_INCREF(code);
  f.f_code = code;
  f.code = co;
  f.f_globals = fd.globals;
  f.f_builtins = fd.builtins;
  f.f_locals = null;
  f.frame_obj = null;
  f.prev_instr = -1;
  f.is_entry = false;
  f.owner = FRAME_OWNED_BY_THREAD;
  f.localsplus = ds.stack;
  f.base = base;
  f.sp = base + nlp;
  ds.top = base + size;
  return f;
}

/** Makes a new frame (bound, with its arguments) current, with start_frame's recursion check. */
function enterFrame(frame: Frame, newFrame: Frame): Frame {
  newFrame.previous = frame;
  vmstack.current = newFrame;
  if (--tstate.recursion_remaining < 0) {
    try {
      checkRecursiveCall("");
    } catch (e) {
      // exit_unwind of the new frame (start_frame's extra decrement and exit_unwind's
      // increment cancel out): pop it, and raise in the caller.
      vmstack.current = frame;
      clearAndPopFrame(newFrame);
      throw e;
    }
  }
  return newFrame;
}

/** The eval breaker: the host's interrupt flag. */
export function handleEvalBreaker(): void {
  const flag = hostState.interrupt;
  if (flag !== null && flag[0] !== 0) {
    flag[0] = 0;
    throw PyErr_Format(PyExc_KeyboardInterrupt, "");
  }
}

// ---- calls into Python functions -----------------------------------------------------------------

/**
 * _PyEval_Vector: runs func with borrowed arguments (each increfed into the new frame).
 */
export function _PyEval_Vector(
  func: PyObject,
  locals: PyObject | null,
  args: (PyObject | null)[],
  offset: number,
  argcount: number,
  kwnames: PyObject | null,
): PyObject {
  Py_INCREF(func);
  const nkw = kwnames === null ? 0 : kwnames.ob_item!.length;
  for (let i = 0; i < argcount + nkw; i++) Py_INCREF(args[offset + i]!);
  const frame = pushFrame(func, locals);
  try {
    initializeLocals(
      func,
      frame.code,
      frame.localsplus,
      frame.base,
      args,
      offset,
      argcount,
      kwnames,
    );
  } catch (e) {
    clearAndPopFrame(frame);
    throw e;
  }
  return runFrame(frame);
}

/** The vectorcall of Python functions. */
export function _PyFunction_Vectorcall(
  func: PyObject,
  args: (PyObject | null)[],
  offset: number,
  nargs: number,
  kwnames: PyObject | null,
): PyObject {
  const fd = funcData(func);
  const co = codeData(fd.code);
  const locals = co.co_flags & CO.OPTIMIZED ? null : fd.globals;
  return _PyEval_Vector(func, locals, args, offset, nargs, kwnames);
}

/**
 * PyEval_EvalCode: runs a code object in globals/locals (module or exec); exec() may give
 * the cells of its free variables (a tuple, borrowed), as PyEval_EvalCodeEx takes them.
 */
export function PyEval_EvalCode(
  code: PyObject,
  globals: PyObject,
  locals: PyObject,
  closure: PyObject | null = null,
): PyObject {
  // 3.11 wraps the code in a temporary function object for its frame.
  const func = PyFunction_New(code, globals);
  if (closure !== null) {
    Py_INCREF(closure);
    funcData(func).closure = closure;
  }
  try {
    return _PyEval_Vector(func, locals, [], 0, 0, null);
  } finally {
    Py_DECREF(func);
  }
}

// ---- the loop ----------------------------------------------------------------------------------------

/**
 * BINARY_OP on two ints held as JS numbers (safe integers), for the common operators:
 * the result, or null to take the general path (bigint results, errors, powers).
 * oparg is the NB_* operator (in-place forms are 13 above).
 */
function intBinaryOp(oparg: number, a: number, b: number): PyObject | null {
  switch (oparg) {
    case 0: // NB_ADD
    case 13: {
      const r = a + b;
      return r <= 9007199254740991 && r >= -9007199254740991 ? PyLong_FromNumber(r) : null;
    }
    case 10: // NB_SUBTRACT
    case 23: {
      const r = a - b;
      return r <= 9007199254740991 && r >= -9007199254740991 ? PyLong_FromNumber(r) : null;
    }
    case 5: // NB_MULTIPLY
    case 18: {
      const r = a * b;
      return r <= 9007199254740991 && r >= -9007199254740991
        ? PyLong_FromNumber(r === 0 ? 0 : r)
        : null;
    }
    case 1: // NB_AND
    case 14:
      if ((a | 0) === a && (b | 0) === b) return PyLong_FromNumber(a & b);
      return fromWide(wideBitwise(a, b, 0));
    case 7: // NB_OR
    case 20:
      if ((a | 0) === a && (b | 0) === b) return PyLong_FromNumber(a | b);
      return fromWide(wideBitwise(a, b, 1));
    case 12: // NB_XOR
    case 25:
      if ((a | 0) === a && (b | 0) === b) return PyLong_FromNumber(a ^ b);
      return fromWide(wideBitwise(a, b, 2));
    case 9: // NB_RSHIFT
    case 22:
      if (b < 0) return null;
      if ((a | 0) === a) return PyLong_FromNumber(b > 31 ? (a < 0 ? -1 : 0) : a >> b);
      // a safe integer divided by a power of two: exact, and floor is the arithmetic shift
      return PyLong_FromNumber(b > 60 ? (a < 0 ? -1 : 0) : Math.floor(a / 2 ** b));
    case 3: // NB_LSHIFT
    case 16: {
      if (b < 0 || b > 60) return null;
      const r = a * 2 ** b;
      return r <= 9007199254740991 && r >= -9007199254740991 ? PyLong_FromNumber(r) : null;
    }
    case 2: // NB_FLOOR_DIVIDE
    case 15:
      if ((a | 0) === a && (b | 0) === b) {
        if (b === 0) return null;
        return PyLong_FromNumber(Math.floor(a / b) || 0);
      }
      if (b === 0 || a > 4503599627370496 || a < -4503599627370496) return null;
      return PyLong_FromNumber(floorDivMod(a, b) || 0);
    case 6: // NB_REMAINDER
    case 19: {
      if ((a | 0) === a && (b | 0) === b) {
        if (b === 0) return null;
        let r = a % b;
        if (r !== 0 && (r ^ b) < 0) r += b;
        return PyLong_FromNumber(r || 0);
      }
      if (b === 0 || a > 4503599627370496 || a < -4503599627370496) return null;
      floorDivMod(a, b);
      return PyLong_FromNumber(divModOut.r || 0);
    }
    case 11: // NB_TRUE_DIVIDE
    case 24:
      if (b === 0) return null;
      // both exactly representable: the double quotient is the correctly rounded one
      return PyFloat_FromDouble(a / b);
  }
  return null;
}

/**
 * a & b (op 0), a | b (1) or a ^ b (2) of safe integers, in two's complement as Python
 * computes them: the low 32 bits and the (sign-extended) high bits separately.
 */
function wideBitwise(a: number, b: number, op: number): number {
  const alo = a >>> 0, blo = b >>> 0;
  const ahi = Math.floor(a / 4294967296), bhi = Math.floor(b / 4294967296);
  let lo: number, hi: number;
  if (op === 0) {
    lo = (alo & blo) >>> 0;
    hi = ahi & bhi;
  } else if (op === 1) {
    lo = (alo | blo) >>> 0;
    hi = ahi | bhi;
  } else {
    lo = (alo ^ blo) >>> 0;
    hi = ahi ^ bhi;
  }
  return hi * 4294967296 + lo;
}

/** A result of wideBitwise as an int, or null (the general path) past the safe range. */
function fromWide(r: number): PyObject | null {
  return r >= -9007199254740991 ? PyLong_FromNumber(r) : null;
}

/** The remainder of floorDivMod. */
const divModOut = { r: 0 };

/**
 * Python's a // b (and a % b in divModOut.r) for safe integers with |a| <= 2**52, b not 0:
 * the float quotient's floor, corrected by one where its rounding crossed an integer.
 */
function floorDivMod(a: number, b: number): number {
  let q = Math.floor(a / b);
  let r = a - q * b;
  if (b > 0) {
    if (r < 0) {
      q--;
      r += b;
    } else if (r >= b) {
      q++;
      r -= b;
    }
  } else if (r > 0) {
    q--;
    r += b;
  } else if (r <= b) {
    q++;
    r -= b;
  }
  divModOut.r = r;
  return q;
}

/** BINARY_OP on floats (or a float and a small int): +, -, *, / (not by zero). */
function floatBinaryOp(oparg: number, a: number, b: number): PyObject | null {
  switch (oparg) {
    case 0:
    case 13:
      return PyFloat_FromDouble(a + b);
    case 10:
    case 23:
      return PyFloat_FromDouble(a - b);
    case 5:
    case 18:
      return PyFloat_FromDouble(a * b);
    case 11:
    case 24:
      return b === 0 ? null : PyFloat_FromDouble(a / b);
  }
  return null;
}

/**
 * _PyEval_EvalFrameDefault: runs frame (and the Python frames it calls) until frame
 * returns (a new reference) or raises (throws). With throwExc, the frame resumes by
 * raising that exception (generator.throw), taking its reference.
 *
 * This is the driver for compiled code: a small loop that runs the compiled function of
 * the current frame and follows its calls and returns from frame to frame. Whatever the
 * compiled code hands back (an instruction it does not compile, an exception to unwind,
 * code not compiled yet, a traced frame) goes to interpretFrame, which runs until
 * compiled code can take over again or the entry frame is done.
 */
export function evalFrame(entry: Frame, throwExc: PyObject | null): PyObject {
  enterEntryFrame(entry, throwExc);
  return evalLoop(entry, throwExc, NO_STATUS);
}

/** No compiled run to follow up: evalLoop starts by running the current frame. */
const NO_STATUS = -2;
/** A compiled run that threw (the exception is evalLoop's `pending`). */
const JIT_THREW = -1;

/**
 * evalFrame's entry: the frame becomes current, with start_frame's recursion check (which
 * releases throwExc, if any, when it fails).
 */
function enterEntryFrame(entry: Frame, throwExc: PyObject | null): void {
  entry.is_entry = true;
  entry.previous = vmstack.current;
  vmstack.current = entry;
  // (also past the depth where the JavaScript stack's reserve is checked: stackguard.ts)
  if (--tstate.recursion_remaining < tstate.stack_check_remaining) {
    try {
      checkRecursiveCall("");
    } catch (e) {
      tstate.recursion_remaining--;
      if (throwExc !== null) Py_DECREF(throwExc);
      tstate.recursion_remaining++;
      vmstack.current = entry.previous;
      throw e;
    }
  }
}

/**
 * evalFrame's loop, from the current frame: `status` is what a compiled run of it that the
 * caller made returned (JIT_THREW with the exception in `pending`), or NO_STATUS.
 */
function evalLoop(entry: Frame, pending: unknown, status: number): PyObject {
  let frame = entry;
  for (;;) {
    let oneStep = false;
    if (status === NO_STATUS) {
      const jit = frame.code.jit;
      if (pending === null && jit !== null && !instrument.active) {
        try {
          status = jit(frame, frame.localsplus);
        } catch (e) {
          // unwound by the interpreter at frame.prev_instr, as an error of that instruction
          pending = e;
          status = JIT_THREW;
        }
      }
    }
    if (status !== NO_STATUS) {
      if (status === JIT_CALL || status === JIT_REENTER) {
        frame = vmstack.current!;
        status = NO_STATUS;
        continue;
      }
      if (status === JIT_RETURN) {
        const retval = jitOut.value!;
        jitOut.value = null;
        tstate.recursion_remaining++;
        if (!frame.is_entry) {
          const dying = frame;
          frame = dying.previous!;
          vmstack.current = frame;
          dying.code.jitPop!(dying);
          frame.localsplus[frame.sp++] = retval;
          status = NO_STATUS;
          continue;
        }
        vmstack.current = frame.previous;
        return retval;
      }
      if (status === JIT_YIELD) {
        const retval = jitOut.value!;
        jitOut.value = null;
        (frame.generator!.ob_data as { frameState: number }).frameState = -1; // FRAME_SUSPENDED
        tstate.recursion_remaining++;
        vmstack.current = frame.previous;
        return retval;
      }
      if (status === JIT_RAISE) {
        // raised in a frame that compiled code called directly: unwind it from there
        pending = jitOut.exc;
        jitOut.exc = null;
        frame = vmstack.current!;
      }
      oneStep = status === JIT_EXIT;
      if (oneStep) jitStats.handBacks++;
      status = NO_STATUS;
    }
    const result = interpretFrame(frame, pending, oneStep);
    if (result !== null) return result;
    pending = null;
    frame = vmstack.current!;
  }
}

/**
 * _PyEval_EvalFrame and _PyEvalFrameClearAndPop for a new frame with its arguments bound
 * (not yet current): its result. Compiled code is called directly, and a frame it returns
 * from at once is released by its code's jitPop; anything else continues in
 * evalFrame's loop.
 */
export function runFrame(frame: Frame): PyObject {
  const cj = frame.code.jit;
  if (cj === null || instrument.active) {
    try {
      return evalFrame(frame, null);
    } finally {
      clearAndPopFrame(frame);
    }
  }
  let retval: PyObject;
  try {
    retval = evalCompiledFrame(frame, cj);
  } catch (e) {
    clearAndPopFrame(frame);
    throw e;
  }
  // (jitPop's plain decrefs are right while no hook watches: see releaseSource in jit.ts)
  if (instrument.active) clearAndPopFrame(frame);
  else frame.code.jitPop!(frame);
  return retval;
}

/**
 * evalFrame(entry, null) for a frame whose code is compiled, while no instruction hook
 * watches: the compiled function is called directly and its return or yield handled
 * here; anything else is followed up in evalFrame's loop.
 */
export function evalCompiledFrame(entry: Frame, cj: JitFunction): PyObject {
  enterEntryFrame(entry, null);
  let pending: unknown = null;
  let status: number;
  jitDepth.n++;
  try {
    status = cj(entry, entry.localsplus);
  } catch (e) {
    pending = e;
    status = JIT_THREW;
  }
  jitDepth.n--;
  if (status === JIT_RETURN || status === JIT_YIELD) {
    const retval = jitOut.value!;
    jitOut.value = null;
    if (status === JIT_YIELD) {
      (entry.generator!.ob_data as { frameState: number }).frameState = -1; // FRAME_SUSPENDED
    }
    tstate.recursion_remaining++;
    vmstack.current = entry.previous;
    return retval;
  }
  return evalLoop(entry, pending, status);
}

/**
 * The interpreter loop: runs from `start` (the current frame, entered by evalFrame) with
 * `pending` to raise first, or after compiled code handed back one instruction
 * (`oneStep`). Returns the entry frame's result, or null when the current frame's
 * compiled code can take over (vmstack.current is the frame to run).
 */
function interpretFrame(start: Frame, pending: unknown, oneStep: boolean): PyObject | null {
  let frame = start;
  const interrupt = hostState.interrupt;
  let co: CodeData;
  let instrs: Uint16Array;
  let consts: PyObject[];
  let names: PyObject[];
  let ls: (PyObject | null)[];
  let base: number;
  let sp: number;
  let next_instr: number;
  let kwnames: PyObject | null = null;
  let jitSteps = 0;

  resume: for (;;) {
    co = frame.code;
    instrs = co.instrs;
    consts = co.consts;
    names = co.names;
    ls = frame.localsplus;
    base = frame.base;
    sp = frame.sp;
    next_instr = frame.prev_instr + 1;
    jitSteps = 0;
    // While an instruction hook watches (glass views), every instruction goes through the
    // interpreter so that the hook sees it; compiled code never calls the hook.
    const tracing = instrument.active;
    try {
      if (pending !== null) {
        const e = pending;
        pending = null;
        throw e;
      }
      if (co.jit === null && co.warmup <= 0 && !tracing) {
        co.jit = compileCode(co);
        co.warmup = co.jit === null ? 0x3fffffff : 0;
      }
      if (co.jit !== null && !tracing) {
        // Compiled code handed back one instruction: interpret it, then return to the
        // compiled code; else the compiled code takes over now.
        if (!oneStep) return null;
        oneStep = false;
        jitSteps = 2;
      } else {
        co.warmup--;
      }
      for (;;) {
        if (jitSteps !== 0 && --jitSteps === 0) {
          frame.sp = sp;
          frame.prev_instr = next_instr - 1;
          continue resume;
        }
        if (tracing) instrument.hook(frame, next_instr, sp);
        frame.prev_instr = next_instr;
        let word = instrs[next_instr++];
        let opcode = word & 255;
        let oparg = word >> 8;
        while (opcode === 144 /* EXTENDED_ARG */) {
          frame.prev_instr = next_instr;
          word = instrs[next_instr++];
          opcode = word & 255;
          oparg = (oparg << 8) | (word >> 8);
        }
        switch (opcode) {
          case 9 /* NOP */:
            break;

          case 151 /* RESUME */:
            if (oparg < 2 && interrupt !== null && interrupt[0] !== 0) handleEvalBreaker();
            break;

          case 136 /* LOAD_CLOSURE */:
          case 124 /* LOAD_FAST */: {
            const value = ls[base + oparg];
            if (value === null) throw unboundLocal(co, oparg);
            Py_INCREF(value);
            ls[sp++] = value;
            break;
          }

          case 100 /* LOAD_CONST */: {
            const value = consts[oparg];
            Py_INCREF(value);
            ls[sp++] = value;
            break;
          }

          case 125 /* STORE_FAST */: {
            const value = ls[--sp];
            const tmp = ls[base + oparg];
            ls[base + oparg] = value;
            Py_XDECREF(tmp);
            break;
          }

          case 1 /* POP_TOP */: {
            const value = ls[--sp]!;
            Py_DECREF(value);
            break;
          }

          case 2 /* PUSH_NULL */:
            ls[sp++] = null;
            break;

          case 10 /* UNARY_POSITIVE */: {
            sp = op_UNARY_POSITIVE(frame, ls, sp, oparg);
            break;
          }

          case 11 /* UNARY_NEGATIVE */: {
            sp = op_UNARY_NEGATIVE(frame, ls, sp, oparg);
            break;
          }

          case 12 /* UNARY_NOT */: {
            sp = op_UNARY_NOT(frame, ls, sp, oparg);
            break;
          }

          case 15 /* UNARY_INVERT */: {
            sp = op_UNARY_INVERT(frame, ls, sp, oparg);
            break;
          }

          case 122 /* BINARY_OP */: {
            const rhs = ls[--sp]!;
            const lhs = ls[sp - 1]!;
            let res: PyObject | null = null;
            const lt = lhs.ob_type, rt = rhs.ob_type;
            if (lt === PyLong_Type && rt === PyLong_Type) {
              const a = lhs.ob_val, b = rhs.ob_val;
              if (typeof a === "number" && typeof b === "number") res = intBinaryOp(oparg, a, b);
            } else if (lt === PyFloat_Type) {
              if (rt === PyFloat_Type) {
                res = floatBinaryOp(oparg, lhs.ob_val as number, rhs.ob_val as number);
              } else if (rt === PyLong_Type && typeof rhs.ob_val === "number") {
                res = floatBinaryOp(oparg, lhs.ob_val as number, rhs.ob_val);
              }
            } else if (
              lt === PyLong_Type && rt === PyFloat_Type && typeof lhs.ob_val === "number"
            ) {
              res = floatBinaryOp(oparg, lhs.ob_val, rhs.ob_val as number);
            } else if (
              lt === PyUnicode_Type && rt === PyUnicode_Type &&
              (oparg === 0 || oparg === 13)
            ) {
              const a = (lhs as PyUnicodeObject).ob_val, b = (rhs as PyUnicodeObject).ob_val;
              if (b.length === 0) {
                Py_INCREF(lhs);
                res = lhs;
              } else if (a.length === 0) {
                Py_INCREF(rhs);
                res = rhs;
              } else res = PyUnicode_FromString(a + b);
            }
            if (res === null) {
              try {
                res = binary_ops[oparg](lhs, rhs);
              } catch (e) {
                sp--;
                Py_DECREF(lhs);
                Py_DECREF(rhs);
                throw e;
              }
            }
            Py_DECREF(lhs);
            Py_DECREF(rhs);
            ls[sp - 1] = res;
            next_instr += 1;
            break;
          }

          case 25 /* BINARY_SUBSCR */: {
            const sub = ls[--sp]!;
            const container = ls[sp - 1]!;
            let res: PyObject;
            if (
              container.ob_type === PyList_Type && sub.ob_type === PyLong_Type &&
              typeof sub.ob_val === "number"
            ) {
              const items = (container as PyListObject).ob_item;
              let i = sub.ob_val as number;
              if (i < 0) i += items.length;
              if (i >= 0 && i < items.length) {
                res = items[i];
                Py_INCREF(res);
              } else res = subscrSlow(container, sub, sp);
            } else {
              res = subscrSlow(container, sub, sp);
            }
            Py_DECREF(container);
            Py_DECREF(sub);
            ls[sp - 1] = res;
            next_instr += 4;
            break;
          }

          case 145 /* LIST_APPEND */: {
            const v = ls[--sp]!;
            const list = ls[sp - oparg]!;
            _PyList_AppendTakeRef(list, v);
            break;
          }

          case 146 /* SET_ADD */: {
            sp = op_SET_ADD(frame, ls, sp, oparg);
            break;
          }

          case 60 /* STORE_SUBSCR */: {
            sp = op_STORE_SUBSCR(frame, ls, sp, oparg);
            next_instr += 1;
            break;
          }

          case 61 /* DELETE_SUBSCR */: {
            sp = op_DELETE_SUBSCR(frame, ls, sp, oparg);
            break;
          }

          case 70 /* PRINT_EXPR */: {
            sp = op_PRINT_EXPR(frame, ls, sp, oparg);
            break;
          }

          case 130 /* RAISE_VARARGS */: {
            sp = op_RAISE_VARARGS(frame, ls, sp, oparg);
            break;
          }

          case 83 /* RETURN_VALUE */: {
            const retval = ls[--sp]!;
            frame.sp = sp;
            tstate.recursion_remaining++;
            if (!frame.is_entry) {
              const dying = frame;
              frame = dying.previous!;
              vmstack.current = frame;
              clearAndPopFrame(dying);
              frame.localsplus[frame.sp++] = retval;
              continue resume;
            }
            vmstack.current = frame.previous;
            return retval;
          }

          case 50 /* GET_AITER */:
          case 51 /* GET_ANEXT */:
          case 131 /* GET_AWAITABLE */:
          case 52 /* BEFORE_ASYNC_WITH */:
          case 87 /* ASYNC_GEN_WRAP */:
            sp = asyncOp(opcode, oparg, ls, sp, frame);
            break;

          case 54 /* END_ASYNC_FOR */: {
            // the exception that ended an `async for`: StopAsyncIteration ends the loop (and
            // drops its iterator); anything else goes on as it was, as RERAISE does
            const val = ls[--sp]!;
            ls[sp] = null;
            if (exceptionMatches(val, PyExc_StopAsyncIteration)) {
              Py_DECREF(val);
              const aiter = ls[--sp]!;
              ls[sp] = null;
              Py_DECREF(aiter);
              break;
            }
            reraised = val;
            throw val;
          }

          case 123 /* SEND */: {
            const v = ls[--sp]!;
            const receiver = ls[sp - 1]!;
            let retval: PyObject | null;
            let returned = false;
            try {
              retval = iterSend(receiver, v);
              if (retval === null) {
                returned = true;
                retval = sendResult.value;
              }
            } finally {
              Py_DECREF(v);
            }
            if (returned) {
              Py_DECREF(receiver);
              ls[sp - 1] = retval;
              next_instr += oparg;
            } else {
              ls[sp++] = retval;
            }
            break;
          }

          case 86 /* YIELD_VALUE */: {
            const retval = ls[--sp]!;
            frame.sp = sp;
            const gen = frame.generator!;
            (gen.ob_data as { frameState: number }).frameState = -1; // FRAME_SUSPENDED
            tstate.recursion_remaining++;
            vmstack.current = frame.previous;
            return retval;
          }

          case 89 /* POP_EXCEPT */: {
            sp = op_POP_EXCEPT(frame, ls, sp, oparg);
            break;
          }

          case 119 /* RERAISE */: {
            if (oparg) {
              const lasti = ls[sp - (oparg + 1)]!;
              if (lasti.ob_type === PyLong_Type) {
                frame.prev_instr = lasti.ob_val as number;
              } else {
                throw PyErr_Format(PyExc_SystemError, "lasti is not an int");
              }
            }
            const val = ls[--sp]!;
            reraised = val;
            throw val;
          }

          case 88 /* PREP_RERAISE_STAR */: {
            sp = op_PREP_RERAISE_STAR(frame, ls, sp, oparg);
            break;
          }

          case 74 /* LOAD_ASSERTION_ERROR */:
            Py_INCREF(PyExc_AssertionError);
            ls[sp++] = PyExc_AssertionError;
            break;

          case 71 /* LOAD_BUILD_CLASS */: {
            sp = op_LOAD_BUILD_CLASS(frame, ls, sp, oparg);
            break;
          }

          case 90 /* STORE_NAME */: {
            sp = op_STORE_NAME(frame, ls, sp, oparg);
            break;
          }

          case 91 /* DELETE_NAME */: {
            sp = op_DELETE_NAME(frame, ls, sp, oparg);
            break;
          }

          case 92 /* UNPACK_SEQUENCE */: {
            sp = op_UNPACK_SEQUENCE(frame, ls, sp, oparg);
            next_instr += 1;
            break;
          }

          case 94 /* UNPACK_EX */: {
            sp = op_UNPACK_EX(frame, ls, sp, oparg);
            break;
          }

          case 95 /* STORE_ATTR */: {
            const name = names[oparg];
            const owner = ls[sp - 1]!;
            const v = ls[sp - 2]!;
            if (storeAttrCached(co.cache, next_instr - 1, owner, name, v)) {
              sp -= 2;
              Py_DECREF(owner);
              next_instr += 4;
              break;
            }
            sp -= 2;
            try {
              PyObject_SetAttr(owner, name, v);
            } finally {
              Py_DECREF(v);
              Py_DECREF(owner);
            }
            next_instr += 4;
            break;
          }

          case 96 /* DELETE_ATTR */: {
            sp = op_DELETE_ATTR(frame, ls, sp, oparg);
            break;
          }

          case 97 /* STORE_GLOBAL */: {
            sp = op_STORE_GLOBAL(frame, ls, sp, oparg);
            break;
          }

          case 98 /* DELETE_GLOBAL */: {
            sp = op_DELETE_GLOBAL(frame, ls, sp, oparg);
            break;
          }

          case 101 /* LOAD_NAME */: {
            sp = op_LOAD_NAME(frame, ls, sp, oparg);
            break;
          }

          case 116 /* LOAD_GLOBAL */: {
            const name = names[oparg >> 1];
            const globals = frame.f_globals, builtins = frame.f_builtins;
            let v: PyObject | null;
            if (globals.ob_type === PyDict_Type && builtins.ob_type === PyDict_Type) {
              v = loadGlobalCached(co.cache, next_instr - 1, globals, builtins, name);
              if (v === null) throw nameError(name);
              Py_INCREF(v);
            } else {
              v = loadGlobalSlow(globals, builtins, name);
            }
            if (oparg & 1) ls[sp++] = null;
            ls[sp++] = v;
            next_instr += 5;
            break;
          }

          case 126 /* DELETE_FAST */: {
            sp = op_DELETE_FAST(frame, ls, sp, oparg);
            break;
          }

          case 135 /* MAKE_CELL */: {
            sp = op_MAKE_CELL(frame, ls, sp, oparg);
            break;
          }

          case 139 /* DELETE_DEREF */: {
            sp = op_DELETE_DEREF(frame, ls, sp, oparg);
            break;
          }

          case 148 /* LOAD_CLASSDEREF */: {
            sp = op_LOAD_CLASSDEREF(frame, ls, sp, oparg);
            break;
          }

          case 137 /* LOAD_DEREF */: {
            const cell = ls[base + oparg]!;
            const value = cell.ob_dict;
            if (value === null) throw unboundDeref(co, oparg);
            Py_INCREF(value);
            ls[sp++] = value;
            break;
          }

          case 138 /* STORE_DEREF */: {
            const v = ls[--sp];
            const cell = ls[base + oparg]!;
            const oldobj = cell.ob_dict;
            cell.ob_dict = v;
            Py_XDECREF(oldobj);
            break;
          }

          case 149 /* COPY_FREE_VARS */: {
            sp = op_COPY_FREE_VARS(frame, ls, sp, oparg);
            break;
          }

          case 157 /* BUILD_STRING */: {
            sp = op_BUILD_STRING(frame, ls, sp, oparg);
            break;
          }

          case 102 /* BUILD_TUPLE */: {
            const items: PyObject[] = new Array(oparg);
            for (let i = oparg - 1; i >= 0; i--) items[i] = ls[--sp]!;
            const t = PyTuple_FromArraySteal(items);
            ls[sp++] = t;
            break;
          }

          case 103 /* BUILD_LIST */: {
            const items: PyObject[] = new Array(oparg);
            for (let i = oparg - 1; i >= 0; i--) items[i] = ls[--sp]!;
            const l = PyList_FromArraySteal(items);
            ls[sp++] = l;
            break;
          }

          case 82 /* LIST_TO_TUPLE */: {
            sp = op_LIST_TO_TUPLE(frame, ls, sp, oparg);
            break;
          }

          case 162 /* LIST_EXTEND */: {
            sp = op_LIST_EXTEND(frame, ls, sp, oparg);
            break;
          }

          case 163 /* SET_UPDATE */: {
            sp = op_SET_UPDATE(frame, ls, sp, oparg);
            break;
          }

          case 104 /* BUILD_SET */: {
            sp = op_BUILD_SET(frame, ls, sp, oparg);
            break;
          }

          case 105 /* BUILD_MAP */: {
            sp = op_BUILD_MAP(frame, ls, sp, oparg);
            break;
          }

          case 85 /* SETUP_ANNOTATIONS */: {
            sp = op_SETUP_ANNOTATIONS(frame, ls, sp, oparg);
            break;
          }

          case 156 /* BUILD_CONST_KEY_MAP */: {
            sp = op_BUILD_CONST_KEY_MAP(frame, ls, sp, oparg);
            break;
          }

          case 165 /* DICT_UPDATE */: {
            sp = op_DICT_UPDATE(frame, ls, sp, oparg);
            break;
          }

          case 164 /* DICT_MERGE */: {
            sp = op_DICT_MERGE(frame, ls, sp, oparg);
            break;
          }

          case 147 /* MAP_ADD */: {
            sp = op_MAP_ADD(frame, ls, sp, oparg);
            break;
          }

          case 106 /* LOAD_ATTR */: {
            const name = names[oparg];
            const owner = ls[sp - 1]!;
            const res = loadAttrCached(co.cache, next_instr - 1, owner, name) ??
              PyObject_GetAttr(owner, name);
            Py_DECREF(owner);
            ls[sp - 1] = res;
            next_instr += 4;
            break;
          }

          case 107 /* COMPARE_OP */: {
            const right = ls[--sp]!;
            const left = ls[sp - 1]!;
            let res: PyObject;
            const lv = left.ob_val, rv = right.ob_val;
            if (
              typeof lv === "number" && typeof rv === "number" &&
              (left.ob_type === PyLong_Type || left.ob_type === PyFloat_Type) &&
              (right.ob_type === PyLong_Type || right.ob_type === PyFloat_Type)
            ) {
              // ints held as numbers and floats compare exactly as doubles (all safe ints are)
              const r = oparg === 0
                ? lv < rv
                : oparg === 1
                ? lv <= rv
                : oparg === 2
                ? lv === rv
                : oparg === 3
                ? lv !== rv
                : oparg === 4
                ? lv > rv
                : lv >= rv;
              res = r ? Py_True : Py_False;
              Py_INCREF(res);
            } else {
              try {
                res = PyObject_RichCompare(left, right, oparg);
              } catch (e) {
                sp--;
                Py_DECREF(left);
                Py_DECREF(right);
                throw e;
              }
            }
            ls[sp - 1] = res;
            Py_DECREF(left);
            Py_DECREF(right);
            next_instr += 2;
            break;
          }

          case 117 /* IS_OP */: {
            const right = ls[--sp]!;
            const left = ls[sp - 1]!;
            const res = (left === right) !== (oparg === 1);
            const b = res ? Py_True : Py_False;
            Py_INCREF(b);
            ls[sp - 1] = b;
            Py_DECREF(left);
            Py_DECREF(right);
            break;
          }

          case 118 /* CONTAINS_OP */: {
            sp = op_CONTAINS_OP(frame, ls, sp, oparg);
            break;
          }

          case 37 /* CHECK_EG_MATCH */: {
            sp = op_CHECK_EG_MATCH(frame, ls, sp, oparg);
            break;
          }

          case 36 /* CHECK_EXC_MATCH */: {
            sp = op_CHECK_EXC_MATCH(frame, ls, sp, oparg);
            break;
          }

          case 108 /* IMPORT_NAME */: {
            sp = op_IMPORT_NAME(frame, ls, sp, oparg);
            break;
          }

          case 84 /* IMPORT_STAR */: {
            sp = op_IMPORT_STAR(frame, ls, sp, oparg);
            break;
          }

          case 109 /* IMPORT_FROM */: {
            sp = op_IMPORT_FROM(frame, ls, sp, oparg);
            break;
          }

          case 110 /* JUMP_FORWARD */:
            next_instr += oparg;
            break;

          case 140 /* JUMP_BACKWARD */:
            next_instr -= oparg;
            if (interrupt !== null && interrupt[0] !== 0) handleEvalBreaker();
            if (--co.warmup <= 0 && co.jit === null) {
              // hot loop: compile, and continue in the compiled code at the loop's head
              frame.sp = sp;
              frame.prev_instr = next_instr - 1;
              continue resume;
            }
            break;

          case 134 /* JUMP_BACKWARD_NO_INTERRUPT */:
            next_instr -= oparg;
            break;

          case 114 /* POP_JUMP_FORWARD_IF_FALSE */:
          case 175 /* POP_JUMP_BACKWARD_IF_FALSE */: {
            const cond = ls[--sp]!;
            let jump: boolean;
            if (cond === Py_True) {
              _Py_DECREF_NO_DEALLOC(cond);
              jump = false;
            } else if (cond === Py_False) {
              _Py_DECREF_NO_DEALLOC(cond);
              jump = true;
            } else {
              try {
                jump = !PyObject_IsTrue(cond);
              } finally {
                Py_DECREF(cond);
              }
            }
            if (jump) {
              if (opcode === 114 /* POP_JUMP_FORWARD_IF_FALSE */) next_instr += oparg;
              else {
                next_instr -= oparg;
                if (interrupt !== null && interrupt[0] !== 0) handleEvalBreaker();
                if (--co.warmup <= 0 && co.jit === null) {
                  frame.sp = sp;
                  frame.prev_instr = next_instr - 1;
                  continue resume;
                }
              }
            }
            break;
          }

          case 115 /* POP_JUMP_FORWARD_IF_TRUE */:
          case 176 /* POP_JUMP_BACKWARD_IF_TRUE */: {
            const cond = ls[--sp]!;
            let jump: boolean;
            if (cond === Py_False) {
              _Py_DECREF_NO_DEALLOC(cond);
              jump = false;
            } else if (cond === Py_True) {
              _Py_DECREF_NO_DEALLOC(cond);
              jump = true;
            } else {
              try {
                jump = PyObject_IsTrue(cond);
              } finally {
                Py_DECREF(cond);
              }
            }
            if (jump) {
              if (opcode === 115 /* POP_JUMP_FORWARD_IF_TRUE */) next_instr += oparg;
              else {
                next_instr -= oparg;
                if (interrupt !== null && interrupt[0] !== 0) handleEvalBreaker();
                if (--co.warmup <= 0 && co.jit === null) {
                  frame.sp = sp;
                  frame.prev_instr = next_instr - 1;
                  continue resume;
                }
              }
            }
            break;
          }

          case 128 /* POP_JUMP_FORWARD_IF_NOT_NONE */:
          case 173 /* POP_JUMP_BACKWARD_IF_NOT_NONE */: {
            const value = ls[--sp]!;
            if (value !== Py_None) {
              Py_DECREF(value);
              if (opcode === 128 /* POP_JUMP_FORWARD_IF_NOT_NONE */) next_instr += oparg;
              else {
                next_instr -= oparg;
                if (interrupt !== null && interrupt[0] !== 0) handleEvalBreaker();
                if (--co.warmup <= 0 && co.jit === null) {
                  frame.sp = sp;
                  frame.prev_instr = next_instr - 1;
                  continue resume;
                }
              }
            } else {
              _Py_DECREF_NO_DEALLOC(value);
            }
            break;
          }

          case 129 /* POP_JUMP_FORWARD_IF_NONE */:
          case 174 /* POP_JUMP_BACKWARD_IF_NONE */: {
            const value = ls[--sp]!;
            if (value === Py_None) {
              _Py_DECREF_NO_DEALLOC(value);
              if (opcode === 129 /* POP_JUMP_FORWARD_IF_NONE */) next_instr += oparg;
              else {
                next_instr -= oparg;
                if (interrupt !== null && interrupt[0] !== 0) handleEvalBreaker();
                if (--co.warmup <= 0 && co.jit === null) {
                  frame.sp = sp;
                  frame.prev_instr = next_instr - 1;
                  continue resume;
                }
              }
            } else {
              Py_DECREF(value);
            }
            break;
          }

          case 111 /* JUMP_IF_FALSE_OR_POP */: {
            const cond = ls[sp - 1]!;
            if (cond === Py_True) {
              sp--;
              _Py_DECREF_NO_DEALLOC(cond);
              break;
            }
            if (cond === Py_False) {
              next_instr += oparg;
              break;
            }
            const err = PyObject_IsTrue(cond);
            if (err) {
              sp--;
              Py_DECREF(cond);
            } else next_instr += oparg;
            break;
          }

          case 112 /* JUMP_IF_TRUE_OR_POP */: {
            const cond = ls[sp - 1]!;
            if (cond === Py_False) {
              sp--;
              _Py_DECREF_NO_DEALLOC(cond);
              break;
            }
            if (cond === Py_True) {
              next_instr += oparg;
              break;
            }
            const err = PyObject_IsTrue(cond);
            if (err) next_instr += oparg;
            else {
              sp--;
              Py_DECREF(cond);
            }
            break;
          }

          case 30 /* GET_LEN */: {
            sp = op_GET_LEN(frame, ls, sp, oparg);
            break;
          }

          case 152 /* MATCH_CLASS */: {
            sp = op_MATCH_CLASS(frame, ls, sp, oparg);
            break;
          }

          case 31 /* MATCH_MAPPING */: {
            sp = op_MATCH_MAPPING(frame, ls, sp, oparg);
            break;
          }

          case 32 /* MATCH_SEQUENCE */: {
            sp = op_MATCH_SEQUENCE(frame, ls, sp, oparg);
            break;
          }

          case 33 /* MATCH_KEYS */: {
            sp = op_MATCH_KEYS(frame, ls, sp, oparg);
            break;
          }

          case 68 /* GET_ITER */: {
            sp = op_GET_ITER(frame, ls, sp, oparg);
            break;
          }

          case 69 /* GET_YIELD_FROM_ITER */: {
            sp = op_GET_YIELD_FROM_ITER(frame, ls, sp, oparg);
            break;
          }

          case 93 /* FOR_ITER */: {
            const iter = ls[sp - 1]!;
            const t = iter.ob_type;
            let next: PyObject | null;
            // the built-in iterators directly (none raises StopIteration), else tp_iternext
            if (t === PyListIter_Type) next = listiter_next(iter);
            else if (t === PyRangeIter_Type) next = rangeiter_next(iter);
            else if (t === PyDictIterItem_Type) next = dictiter_iternextitem(iter);
            else if (t === PyTupleIter_Type) next = tupleiter_next(iter);
            else if (t === PyDictIterKey_Type) next = dictiter_iternextkey(iter);
            else next = iterNextCatching(iter);
            if (next !== null) {
              ls[sp++] = next;
              break;
            }
            sp--;
            Py_DECREF(iter);
            next_instr += oparg;
            break;
          }

          case 53 /* BEFORE_WITH */: {
            sp = op_BEFORE_WITH(frame, ls, sp, oparg);
            break;
          }

          case 49 /* WITH_EXCEPT_START */: {
            sp = op_WITH_EXCEPT_START(frame, ls, sp, oparg);
            break;
          }

          case 35 /* PUSH_EXC_INFO */: {
            sp = op_PUSH_EXC_INFO(frame, ls, sp, oparg);
            break;
          }

          case 160 /* LOAD_METHOD */: {
            const name = names[oparg];
            const obj = ls[sp - 1]!;
            let meth = loadMethodCached(co.cache, next_instr - 1, obj, name);
            let methFound: boolean;
            if (meth !== null) {
              methFound = methodFound.isMethod;
            } else {
              methFound = _PyObject_GetMethod(obj, name);
              meth = methodOut.meth!;
              methodOut.meth = null;
            }
            if (methFound) {
              ls[sp - 1] = meth;
              ls[sp++] = obj;
            } else {
              ls[sp - 1] = null;
              Py_DECREF(obj);
              ls[sp++] = meth;
            }
            next_instr += 10;
            break;
          }

          case 166 /* PRECALL */: {
            const isMeth = ls[sp - oparg - 2] !== null;
            const nargs = oparg + (isMeth ? 1 : 0);
            const fn = ls[sp - nargs - 1]!;
            if (!isMeth && fn.ob_type === PyMethod_Type) {
              const meth = fn.ob_item![0]!;
              const self = fn.ob_item![1]!;
              Py_INCREF(meth);
              Py_INCREF(self);
              ls[sp - oparg - 1] = self;
              ls[sp - oparg - 2] = meth;
              Py_DECREF(fn);
            }
            next_instr += 1;
            break;
          }

          case 172 /* KW_NAMES */:
            kwnames = consts[oparg];
            break;

          case 171 /* CALL */: {
            const isMeth = ls[sp - oparg - 2] !== null;
            const totalArgs = oparg + (isMeth ? 1 : 0);
            const fn = ls[sp - totalArgs - 1]!;
            const nkw = kwnames === null ? 0 : kwnames.ob_item!.length;
            const positional = totalArgs - nkw;
            if (fn.ob_type === PyFunction_Type) {
              const argsAt = sp - totalArgs;
              sp -= totalArgs + (isMeth ? 1 : 2);
              const kw = kwnames;
              kwnames = null;
              frame.sp = sp;
              frame = startPythonCall(frame, fn, ls, argsAt, positional, kw, next_instr + 3);
              continue resume;
            }
            let res: PyObject;
            const kw = kwnames;
            kwnames = null;
            frame.sp = sp;
            try {
              res = PyObject_Vectorcall(fn, ls, sp - totalArgs, positional, kw);
            } catch (e) {
              Py_DECREF(fn);
              sp -= totalArgs;
              for (let i = 0; i < totalArgs; i++) Py_DECREF(ls[sp + i]!);
              sp -= isMeth ? 1 : 2;
              throw e;
            }
            Py_DECREF(fn);
            sp -= totalArgs;
            for (let i = 0; i < totalArgs; i++) {
              const a = ls[sp + i]!;
              Py_DECREF(a);
            }
            sp -= isMeth ? 1 : 2;
            ls[sp++] = res;
            next_instr += 4;
            if (interrupt !== null && interrupt[0] !== 0) handleEvalBreaker();
            break;
          }

          case 142 /* CALL_FUNCTION_EX */: {
            let kwargs: PyObject | null = null;
            if (oparg & 1) {
              kwargs = ls[--sp]!;
              if (kwargs.ob_type !== PyDict_Type) {
                const d = PyDict_New();
                try {
                  dictMergeKwargs(d, kwargs, ls[sp - 2]!);
                } catch (e) {
                  Py_DECREF(d);
                  Py_DECREF(kwargs);
                  throw e;
                }
                Py_DECREF(kwargs);
                kwargs = d;
              }
            }
            let callargs = ls[--sp]!;
            const func = ls[sp - 1]!;
            if (callargs.ob_type !== PyTuple_Type) {
              try {
                checkArgsIterable(func, callargs);
                const t = PySequence_Tuple(callargs);
                Py_DECREF(callargs);
                callargs = t;
              } catch (e) {
                Py_DECREF(callargs);
                Py_XDECREF(kwargs);
                throw e;
              }
            }
            let result: PyObject;
            frame.sp = sp;
            try {
              result = PyObject_Call(func, callargs, kwargs);
            } finally {
              Py_DECREF(func);
              Py_DECREF(callargs);
              Py_XDECREF(kwargs);
              sp--;
            }
            ls[sp - 1] = result;
            if (interrupt !== null && interrupt[0] !== 0) handleEvalBreaker();
            break;
          }

          case 132 /* MAKE_FUNCTION */: {
            sp = op_MAKE_FUNCTION(frame, ls, sp, oparg);
            break;
          }

          case 75 /* RETURN_GENERATOR */: {
            frame.sp = sp;
            const gen = makeGenerator(frame);
            tstate.recursion_remaining++;
            if (!frame.is_entry) {
              const prev = frame.previous!;
              popFrameOnly(frame);
              frame = prev;
              vmstack.current = frame;
              frame.localsplus[frame.sp++] = gen;
              continue resume;
            }
            // The entry frame's contents moved to the generator; the caller pops it.
            frame.sp = frame.base;
            frame.f_locals = null;
            Py_INCREF(frame.f_func);
            Py_INCREF(frame.f_code);
            vmstack.current = frame.previous;
            return gen;
          }

          case 133 /* BUILD_SLICE */: {
            sp = op_BUILD_SLICE(frame, ls, sp, oparg);
            break;
          }

          case 155 /* FORMAT_VALUE */: {
            sp = op_FORMAT_VALUE(frame, ls, sp, oparg);
            break;
          }

          case 120 /* COPY */: {
            const peek = ls[sp - oparg]!;
            Py_INCREF(peek);
            ls[sp++] = peek;
            break;
          }

          case 99 /* SWAP */: {
            const top = ls[sp - 1];
            ls[sp - 1] = ls[sp - oparg];
            ls[sp - oparg] = top;
            break;
          }

          case 0 /* CACHE */:
            throw PyErr_Format(PyExc_SystemError, "executed a CACHE entry");

          default:
            throw PyErr_Format(PyExc_SystemError, `unknown opcode ${opcode}`);
        }
      }
    } catch (e) {
      // ---- error: and exception_unwind: ----
      if (opError.set) {
        // raised inside an op function: its stack pointer is the one to unwind from
        sp = opError.sp;
        opError.set = false;
      }
      let exc = PyErr_FromJS(e);
      kwnames = null;
      if (exc !== reraised) {
        PyTraceBack_Here(exc, frame);
      }
      reraised = null;
      // exception_unwind: the handler covering the instruction being executed
      const offset = next_instr - 1;
      const handler = findHandler(frame.code, offset);
      const lsArr = frame.localsplus;
      const stackBase = frame.base + frame.code.co_nlocalsplus;
      if (handler === null) {
        // No handler: pop the stack, leave the frame.
        let spx = sp;
        while (spx > stackBase) {
          const o = lsArr[--spx];
          lsArr[spx] = null;
          Py_XDECREF(o);
        }
        frame.sp = spx;
        tstate.recursion_remaining++;
        if (frame.is_entry) {
          vmstack.current = frame.previous;
          throw exc;
        }
        const dying = frame;
        frame = dying.previous!;
        vmstack.current = frame;
        clearAndPopFrame(dying);
        pending = exc;
        continue resume;
      }
      let spx = sp;
      const newTop = stackBase + handler.depth;
      while (spx > newTop) {
        const o = lsArr[--spx];
        lsArr[spx] = null;
        Py_XDECREF(o);
      }
      if (handler.lasti) lsArr[spx++] = PyLong_FromNumber(frame.prev_instr);
      lsArr[spx++] = exc;
      frame.sp = spx;
      frame.prev_instr = handler.target - 1;
      exc = null as unknown as PyObject;
      continue resume;
    }
  }
}

// ---- instruction helpers --------------------------------------------------------------------------

/** BINARY_SUBSCR's general path; on error sub is released (the container stays on the stack). */
export function subscrSlow(container: PyObject, sub: PyObject, _sp: number): PyObject {
  try {
    return PyObject_GetItem(container, sub);
  } catch (e) {
    Py_DECREF(sub);
    throw e;
  }
}

export function getItemOrNull(mapping: PyObject, key: PyObject): PyObject | null {
  try {
    return PyObject_GetItem(mapping, key);
  } catch (e) {
    if (e instanceof PyObject && PyType_IsSubtype(e.ob_type, PyExc_KeyError)) {
      Py_DECREF(e);
      return null;
    }
    throw e;
  }
}

export function loadName(frame: Frame, name: PyObject): PyObject {
  const locals = frame.f_locals;
  if (locals === null) {
    throw PyErr_Format(PyExc_SystemError, `no locals when loading '${str(name)}'`);
  }
  let v: PyObject | null;
  if (locals.ob_type === PyDict_Type) {
    v = PyDict_GetItemWithError(locals, name);
    if (v !== null) {
      Py_INCREF(v);
      return v;
    }
  } else {
    v = getItemOrNull(locals, name);
    if (v !== null) return v;
  }
  v = PyDict_GetItemWithError(frame.f_globals, name);
  if (v !== null) {
    Py_INCREF(v);
    return v;
  }
  const builtins = frame.f_builtins;
  if (builtins.ob_type === PyDict_Type) {
    v = PyDict_GetItemWithError(builtins, name);
    if (v === null) throw nameError(name);
    Py_INCREF(v);
    return v;
  }
  v = getItemOrNull(builtins, name);
  if (v === null) throw nameError(name);
  return v;
}

/**
 * LOAD_NAME at instruction i. Where the locals are the globals (a module body), looking in
 * the locals, then the globals, then the builtins finds what LOAD_GLOBAL finds, so the
 * LOAD_GLOBAL cache answers (CPython looks each time; the result is the same).
 */
export function loadNameAt(frame: Frame, name: PyObject, i: number): PyObject {
  const locals = frame.f_locals;
  const builtins = frame.f_builtins;
  if (
    locals !== null && locals === frame.f_globals && locals.ob_type === PyDict_Type &&
    builtins.ob_type === PyDict_Type
  ) {
    const v = loadGlobalCached(frame.code.cache, i, locals, builtins, name);
    if (v === null) throw nameError(name);
    Py_INCREF(v);
    return v;
  }
  return loadName(frame, name);
}

export function loadGlobalSlow(globals: PyObject, builtins: PyObject, name: PyObject): PyObject {
  const v = getItemOrNull(globals, name);
  if (v !== null) return v;
  const b = getItemOrNull(builtins, name);
  if (b === null) throw nameError(name);
  return b;
}

/** tp_iternext with a Python-level StopIteration counted as the end (FOR_ITER). */
export function iterNextCatching(iter: PyObject): PyObject | null {
  const f = iter.ob_type.tp_iternext;
  if (f === null) {
    throw PyErr_Format(PyExc_TypeError, `'${iter.ob_type.tp_name}' object is not an iterator`);
  }
  try {
    return f(iter);
  } catch (e) {
    return endOfIteration(e);
  }
}

/** What iterNextCatching and genNextCatching do with an exception: a StopIteration ends. */
function endOfIteration(e: unknown): null {
  if (e instanceof PyObject && PyType_IsSubtype(e.ob_type, PyExc_StopIteration)) {
    Py_DECREF(e);
    return null;
  }
  throw e;
}

/**
 * iterNextCatching for a generator (FOR_ITER of compiled code over an exact generator):
 * gen_iternext called directly, where iterNextCatching's call through tp_iternext serves
 * every kind of iterator.
 */
export function genNextCatching(gen: PyObject): PyObject | null {
  try {
    return gen_iternext(gen);
  } catch (e) {
    return endOfIteration(e);
  }
}

/** unpack_iterable: pushes argcnt items (and a list and argcntafter items) below sp. */
export function unpackIterable(
  v: PyObject,
  argcnt: number,
  argcntafter: number,
  ls: (PyObject | null)[],
  sp: number,
): void {
  let it: PyObject;
  try {
    it = PyObject_GetIter(v);
  } catch (e) {
    if (
      e instanceof PyObject && PyType_IsSubtype(e.ob_type, PyExc_TypeError) &&
      v.ob_type.tp_iter === null && !PySequence_Check(v)
    ) {
      Py_DECREF(e);
      throw PyErr_Format(PyExc_TypeError, `cannot unpack non-iterable ${v.ob_type.tp_name} object`);
    }
    throw e;
  }
  const total = argcntafter === -1 ? argcnt : argcnt + 1 + argcntafter;
  let top = sp + total;
  let i = 0;
  try {
    for (; i < argcnt; i++) {
      const w = PyIter_Next(it);
      if (w === null) {
        if (argcntafter === -1) {
          throw PyErr_Format(
            PyExc_ValueError,
            `not enough values to unpack (expected ${argcnt}, got ${i})`,
          );
        }
        throw PyErr_Format(
          PyExc_ValueError,
          `not enough values to unpack (expected at least ${argcnt + argcntafter}, got ${i})`,
        );
      }
      ls[--top] = w;
    }
    if (argcntafter === -1) {
      const w = PyIter_Next(it);
      if (w === null) return;
      Py_DECREF(w);
      throw PyErr_Format(PyExc_ValueError, `too many values to unpack (expected ${argcnt})`);
    }
    const l = PySequence_List(it);
    ls[--top] = l;
    i++;
    const items = (l as PyListObject).ob_item;
    const ll = items.length;
    if (ll < argcntafter) {
      throw PyErr_Format(
        PyExc_ValueError,
        `not enough values to unpack (expected at least ${argcnt + argcntafter}, got ${
          argcnt + ll
        })`,
      );
    }
    for (let j = argcntafter; j > 0; j--, i++) ls[--top] = items[ll - j];
    items.length = ll - argcntafter;
  } catch (e) {
    for (let k = sp + total - 1; i > 0; i--, k--) Py_DECREF(ls[k]!);
    throw e;
  } finally {
    Py_DECREF(it);
  }
}

/** do_raise: the exception to throw (a new reference). */
export function doRaise(exc: PyObject | null, cause: PyObject | null): PyObject {
  if (exc === null) {
    // Reraise the exception being handled.
    let info: import("../objects/pystate.ts").ExcInfo | null = tstate.exc_info;
    let value: PyObject | null = null;
    while (info !== null) {
      if (info.exc_value !== null && info.exc_value !== Py_None) {
        value = info.exc_value;
        break;
      }
      info = info.previous_item;
    }
    if (value === null) return PyErr_Format(PyExc_RuntimeError, "No active exception to reraise");
    Py_INCREF(value);
    reraised = value;
    return value;
  }
  let value: PyObject;
  if (PyExceptionClass_Check(exc)) {
    try {
      value = PyObject_CallNoArgs(exc);
    } catch (e) {
      Py_DECREF(exc);
      Py_XDECREF(cause);
      throw e;
    }
    if (!PyExceptionInstance_Check(value)) {
      const t = value.ob_type;
      Py_DECREF(value);
      Py_DECREF(exc);
      Py_XDECREF(cause);
      return PyErr_Format(
        PyExc_TypeError,
        `calling ${
          str(PyObject_Repr(exc))
        } should have returned an instance of BaseException, not ${str(PyObject_Repr(t))}`,
      );
    }
    Py_DECREF(exc);
  } else if (PyExceptionInstance_Check(exc)) {
    value = exc;
  } else {
    Py_DECREF(exc);
    Py_XDECREF(cause);
    return PyErr_Format(PyExc_TypeError, "exceptions must derive from BaseException");
  }
  if (cause !== null) {
    let fixed: PyObject | null;
    if (PyExceptionClass_Check(cause)) {
      try {
        fixed = PyObject_CallNoArgs(cause);
      } catch (e) {
        Py_DECREF(value);
        Py_DECREF(cause);
        throw e;
      }
      Py_DECREF(cause);
    } else if (PyExceptionInstance_Check(cause)) {
      fixed = cause;
    } else if (cause === Py_None) {
      Py_DECREF(cause);
      fixed = null;
    } else {
      Py_DECREF(value);
      Py_DECREF(cause);
      return PyErr_Format(PyExc_TypeError, "exception causes must derive from BaseException");
    }
    PyException_SetCause(value, fixed);
  }
  return chainContext(value);
}

/** check_except_type_valid */
export function checkExceptTypeValid(right: PyObject): void {
  const msg = "catching classes that do not inherit from BaseException is not allowed";
  if (PyTuple_Check(right)) {
    for (const e of right.ob_item as PyObject[]) {
      if (!PyExceptionClass_Check(e)) throw PyErr_Format(PyExc_TypeError, msg);
    }
  } else if (!PyExceptionClass_Check(right)) {
    throw PyErr_Format(PyExc_TypeError, msg);
  }
}

/** PyErr_GivenExceptionMatches for an instance and a class or tuple of classes. */
export function exceptionMatches(exc: PyObject, cls: PyObject): boolean {
  if (PyTuple_Check(cls)) {
    for (const c of cls.ob_item as PyObject[]) if (exceptionMatches(exc, c)) return true;
    return false;
  }
  if (!PyType_Check(cls)) return exc === cls;
  return PyType_IsSubtype(exc.ob_type, cls as PyTypeObject);
}

/** _PyObject_LookupSpecial: [method or null, unbound]. */
export function lookupSpecial(obj: PyObject, name: string): [PyObject | null, boolean] {
  return lookupMaybeMethod(obj, _Py_ID(name));
}

/** Binds an unbound special method to obj (the stack holds bound __exit__). */
export function bindSpecial(meth: PyObject, unbound: boolean, obj: PyObject): PyObject {
  if (!unbound) return meth;
  const f = meth.ob_type.tp_descr_get;
  if (f === null) return meth;
  const bound = f(meth, obj, obj.ob_type);
  Py_DECREF(meth);
  return bound;
}

export function setupAnnotations(frame: Frame): void {
  const locals = frame.f_locals;
  if (locals === null) {
    throw PyErr_Format(PyExc_SystemError, "no locals found when setting up annotations");
  }
  const key = _Py_ID("__annotations__");
  if (locals.ob_type === PyDict_Type) {
    if (dictGetStr(locals, key) === null) {
      const d = PyDict_New();
      PyDict_SetItem(locals, key, d);
      Py_DECREF(d);
    }
  } else {
    const v = getItemOrNull(locals, key);
    if (v === null) {
      const d = PyDict_New();
      PyObject_SetItem(locals, key, d);
      Py_DECREF(d);
    } else Py_DECREF(v);
  }
}

/** PyDict_Update for DICT_UPDATE: a dict, or any object with keys(). */
export function dictUpdateArg(dict: PyObject, update: PyObject): void {
  if (PyDict_Check(update)) {
    dict_merge(dict, update, true);
    return;
  }
  const keys = PyObject_GetAttr(update, _Py_ID("keys"));
  let keyList: PyObject;
  try {
    keyList = PyObject_CallNoArgs(keys);
  } finally {
    Py_DECREF(keys);
  }
  const it = PyObject_GetIter(keyList);
  Py_DECREF(keyList);
  try {
    for (;;) {
      const k = PyIter_Next(it);
      if (k === null) break;
      try {
        const v = PyObject_GetItem(update, k);
        try {
          PyDict_SetItem(dict, k, v);
        } finally {
          Py_DECREF(v);
        }
      } finally {
        Py_DECREF(k);
      }
    }
  } finally {
    Py_DECREF(it);
  }
}

/** _PyDict_MergeEx(dict, update, 2) with format_kwargs_error's messages. */
export function dictMergeKwargs(dict: PyObject, update: PyObject, func: PyObject): void {
  if (PyDict_Check(update)) {
    try {
      dict_merge(dict, update, 2);
    } catch (e) {
      throw kwargsError(e, func, update);
    }
    return;
  }
  const keysMeth = _PyObject_LookupAttr(update, _Py_ID("keys"));
  if (keysMeth === null) {
    throw PyErr_Format(
      PyExc_TypeError,
      `${funcStr(func)} argument after ** must be a mapping, not ${update.ob_type.tp_name}`,
    );
  }
  let keyList: PyObject;
  try {
    keyList = PyObject_CallNoArgs(keysMeth);
  } finally {
    Py_DECREF(keysMeth);
  }
  const it = PyObject_GetIter(keyList);
  Py_DECREF(keyList);
  try {
    for (;;) {
      const k = PyIter_Next(it);
      if (k === null) break;
      try {
        if (PyDict_Contains(dict, k)) {
          throw PyErr_Format(
            PyExc_TypeError,
            `${funcStr(func)} got multiple values for keyword argument '${str(k)}'`,
          );
        }
        const v = PyObject_GetItem(update, k);
        try {
          PyDict_SetItem(dict, k, v);
        } finally {
          Py_DECREF(v);
        }
      } finally {
        Py_DECREF(k);
      }
    }
  } finally {
    Py_DECREF(it);
  }
}

export function kwargsError(e: unknown, func: PyObject, update: PyObject): unknown {
  if (e instanceof PyObject && PyType_IsSubtype(e.ob_type, PyExc_KeyError)) {
    const args = excData(e).args.ob_item as PyObject[];
    if (args.length === 1 && args[0].ob_type === PyUnicode_Type) {
      const key = str(args[0]);
      Py_DECREF(e);
      return PyErr_Format(
        PyExc_TypeError,
        `${funcStr(func)} got multiple values for keyword argument '${key}'`,
      );
    }
  }
  void update;
  return e;
}

/** _PyObject_FunctionStr: "f()" / "Class.method()" for messages. */
export function funcStr(func: PyObject): string {
  const qualname = _PyObject_LookupAttr(func, _Py_ID("__qualname__"));
  if (qualname === null) return str(PyObject_Str(func));
  const q = str(qualname);
  Py_DECREF(qualname);
  const mod = _PyObject_LookupAttr(func, _Py_ID("__module__"));
  if (mod !== null && mod.ob_type === PyUnicode_Type) {
    const m = str(mod);
    Py_DECREF(mod);
    if (m !== "builtins") return `${m}.${q}()`;
  } else if (mod !== null) Py_DECREF(mod);
  return `${q}()`;
}

/** check_args_iterable for CALL_FUNCTION_EX. */
export function checkArgsIterable(func: PyObject, args: PyObject): void {
  if (args.ob_type.tp_iter === null && !PySequence_Check(args)) {
    throw PyErr_Format(
      PyExc_TypeError,
      `${funcStr(func)} argument after * must be an iterable, not ${args.ob_type.tp_name}`,
    );
  }
}

/** PRINT_EXPR: sys.displayhook(value). */
export function printExpr(value: PyObject): void {
  const hook = hostState.displayhook();
  if (hook === null) throw PyErr_Format(PyExc_RuntimeError, "lost sys.displayhook");
  const res = PyObject_CallOneArg(hook, value);
  Py_DECREF(res);
}

/** The result of SEND when the receiver returned. */
const sendResult: { value: PyObject } = { value: Py_None };

/** PyIter_Send: the next value, or null with sendResult.value the return value. */
export function iterSend(receiver: PyObject, v: PyObject): PyObject | null {
  if (receiver.ob_type === PyGen_Type || receiver.ob_type === PyCoro_Type) {
    return genSendValue(receiver, v);
  }
  try {
    if (v === Py_None && receiver.ob_type.tp_iternext !== null) {
      const r = receiver.ob_type.tp_iternext(receiver);
      if (r !== null) return r;
      Py_INCREF(Py_None);
      sendResult.value = Py_None;
      return null;
    }
    const send = PyObject_GetAttr(receiver, _Py_ID("send"));
    try {
      return PyObject_CallOneArg(send, v);
    } finally {
      Py_DECREF(send);
    }
  } catch (e) {
    if (e instanceof PyObject && PyType_IsSubtype(e.ob_type, PyExc_StopIteration)) {
      const value = excData(e).value ?? Py_None;
      Py_INCREF(value);
      Py_DECREF(e);
      sendResult.value = value;
      return null;
    }
    throw e;
  }
}

import { genSend } from "./genobject.ts";
export function genSendValue(gen: PyObject, v: PyObject): PyObject | null {
  const [kind, value] = genSend(gen, v);
  if (kind === "next") return value;
  sendResult.value = value;
  return null;
}

export function asyncOp(
  op: number,
  oparg: number,
  ls: (PyObject | null)[],
  sp: number,
  _frame: Frame,
): number {
  if (op === 131 /* GET_AWAITABLE */) {
    const iterable = ls[sp - 1]!;
    let iter: PyObject;
    try {
      iter = coroGetAwaitableIter(iterable, oparg);
    } finally {
      Py_DECREF(iterable);
      ls[sp - 1] = null;
    }
    if (iter.ob_type === PyCoro_Type) {
      const yf = genYieldFrom(iter);
      if (yf !== null) {
        Py_DECREF(yf);
        Py_DECREF(iter);
        throw PyErr_Format(PyExc_RuntimeError, "coroutine is being awaited already");
      }
    }
    ls[sp - 1] = iter;
    return sp;
  }
  if (op === 50 /* GET_AITER */) {
    const obj = ls[sp - 1]!;
    const getter = obj.ob_type.am_aiter;
    ls[sp - 1] = null;
    let iter: PyObject;
    try {
      if (getter === null) {
        throw PyErr_Format(
          PyExc_TypeError,
          `'async for' requires an object with __aiter__ method, got ${obj.ob_type.tp_name}`,
        );
      }
      iter = getter(obj);
    } finally {
      Py_DECREF(obj);
    }
    if (iter.ob_type.am_anext === null) {
      const name = iter.ob_type.tp_name;
      Py_DECREF(iter);
      throw PyErr_Format(
        PyExc_TypeError,
        `'async for' received an object from __aiter__ that does not implement __anext__: ${name}`,
      );
    }
    ls[sp - 1] = iter;
    return sp;
  }
  if (op === 51 /* GET_ANEXT */) {
    const aiter = ls[sp - 1]!;
    const getter = aiter.ob_type.am_anext;
    if (getter === null) {
      throw PyErr_Format(
        PyExc_TypeError,
        `'async for' requires an iterator with __anext__ method, got ${aiter.ob_type.tp_name}`,
      );
    }
    const next = getter(aiter);
    let awaitable: PyObject;
    try {
      awaitable = coroGetAwaitableIter(next);
    } catch (cause) {
      if (!(cause instanceof PyObject)) throw cause;
      const err = PyErr_Format(
        PyExc_TypeError,
        `'async for' received an invalid object from __anext__: ${next.ob_type.tp_name}`,
      );
      // _PyErr_FormatFromCause: the failure to await is the new error's cause and context
      Py_INCREF(cause);
      PyException_SetContext(err, cause);
      PyException_SetCause(err, cause);
      throw err;
    } finally {
      Py_DECREF(next);
    }
    ls[sp++] = awaitable;
    return sp;
  }
  if (op === 52 /* BEFORE_ASYNC_WITH */) return enterContext(ls, sp, true);
  throw PyErr_Format(PyExc_SystemError, `async opcode ${op} is not supported yet`);
}

export {
  PyEval_EvalCode as evalCode,
  PyExc_BaseException,
  PyExc_ImportError,
  PyExc_StopAsyncIteration,
};
export {
  clearFrame,
  dictForEach,
  getFrameObject,
  PyBaseObject_Type,
  PyDictProxy_New,
  PyErr_SetObject,
};
export {
  list_iter,
  Py_NotImplemented,
  PyBool_Type,
  PyList_Check,
  PyObject_IsInstance,
  unicode_empty,
};
export { PyDict_Size };

/** Gives compiled code (jit.ts) the runtime it calls, by name. */
export function installJitRuntime(): void {
  const r: Record<string, unknown> = {
    Py_True,
    Py_False,
    Py_None,
    Py_DECREF,
    PyLong_Type,
    PyFloat_Type,
    PyUnicode_Type,
    PyList_Type,
    PyTuple_Type,
    PyDict_Type,
    PyFunction_Type,
    PyMethod_Type,
    PyRangeIter_Type,
    PyListIter_Type,
    PyObject_GetAttr,
    PyObject_SetAttr,
    PyObject_IsTrue,
    _PyObject_GetMethod,
    methodOut,
    PyTuple_FromArraySteal,
    PyList_FromArraySteal,
    _PyList_AppendTakeRef,
    rangeiter_next,
    listiter_next,
    tupleiter_next,
    dictiter_iternextitem,
    dictiter_iternextkey,
    dictiter_iternextvalue,
    PyTupleIter_Type,
    PyDictIterItem_Type,
    PyDictIterKey_Type,
    PyDictIterValue_Type,
    intBinaryOp,
    longValuesBinaryOp,
    floatBinaryOp,
    binaryOpSlow,
    PyLong_FromNumber,
    PyFloat_FromDouble,
    floatFreeList,
    compareSlow,
    truthAndDecref,
    concatStrings,
    callGeneric,
    callClass,
    callBuiltin,
    PyMethodDescr_Type,
    PyCFunction_Type,
    PyType_Type,
    startPythonCall,
    startCompiledCall,
    unboundLocal,
    unboundDeref,
    nameError,
    loadGlobalCached,
    loadGlobalSlow,
    dictValueAt,
    dictReplaceAt,
    dictSubscrStr,
    handleEvalBreaker,
    loadAttrCached,
    loadAttrPlain,
    slotValue,
    setSlotValue,
    loadMethodCached,
    methodFound,
    storeAttrCached,
    storeAttrPlain,
    subscrSlow,
    iterNextCatching,
    genNextCatching,
    PyGen_Type,
    iterSend,
    sendResult,
    jitDepth,
    tstate,
    vmstack,
    instrument,
    clearAndPopFrame,
    hostState,
    jitOut,
    opError,
  };
  for (const [name, f] of Object.entries(opsModule)) {
    if (name.startsWith("op_")) r[name] = f;
  }
  setJitRuntime(r);
}
