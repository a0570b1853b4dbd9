// The eval loop's less frequent instructions (Python/ceval.c), one function each: the
// interpreter's switch and the compiled code of hot functions (jit.ts) both call them.
// Each takes the frame, its value stack and stack pointer and the oparg, and returns the
// new stack pointer; when it raises, opError records the stack pointer at that moment so
// that the caller's exception unwinding releases exactly the values still on the stack.

import { CO } from "../compiler/code.ts";
import {
  Py_DECREF,
  Py_False,
  Py_INCREF,
  Py_None,
  Py_TPFLAGS_MAPPING,
  Py_TPFLAGS_SEQUENCE,
  Py_True,
  Py_XDECREF,
  PyCoro_Type,
  PyDict_Type,
  PyFloat_Type,
  PyGen_Type,
  PyLong_Type,
  PyObject,
  PyTuple_Type,
  PyType_IsSubtype,
  PyUnicode_Type,
} from "../objects/object.ts";
import { funcData, PyFunction_New } from "../objects/funcobject.ts";
import { tstate } from "../objects/pystate.ts";
import { fastToLocals, Frame } from "./frame.ts";
import { PyErr_Format } from "../objects/errors.ts";
import {
  excData,
  PyExc_AttributeError,
  PyExc_KeyError,
  PyExc_NameError,
  PyExc_SystemError,
  PyExc_TypeError,
} from "../objects/exceptions.ts";
import {
  _PyObject_GetMethod,
  _PyObject_LookupAttr,
  PyObject_ASCII,
  PyObject_IsTrue,
  PyObject_Repr,
  PyObject_SetAttr,
  PyObject_Str,
  str,
} from "../objects/objectops.ts";
import {
  PyNumber_Invert,
  PyNumber_Negative,
  PyNumber_Positive,
  PyObject_DelItem,
  PyObject_Format,
  PyObject_GetIter,
  PyObject_SetItem,
  PyObject_Size,
  PySequence_Check,
  PySequence_Contains,
} from "../objects/abstract.ts";
import {
  _PyObject_MakeTpCall,
  PyObject_CallNoArgs,
  PyObject_CallOneArg,
  PyObject_Vectorcall,
} from "../objects/call.ts";
import {
  _PyDict_FromItems,
  _PyDict_LoadGlobal,
  _PyDict_SetItem_Take2,
  dictGetStr,
  dictReplaceAt,
  dictStrIndex,
  dictValueAt,
  PyDict_DelItem,
  PyDict_GetItemWithError,
  PyDict_SetItem,
} from "../objects/dictobject.ts";
import { _PyList_AppendTakeRef, list_extend, PyList_AsTuple } from "../objects/listobject.ts";
import { make_new_set, PySet_Add, set_update_internal } from "../objects/setobject.ts";
import { PySlice_New } from "../objects/sliceobject.ts";
import { PyCell_GET, PyCell_New } from "../objects/cellobject.ts";
import { PySet_Type } from "../objects/object.ts";
import { PyLong_FromNumber } from "../objects/longobject.ts";
import { PyFloat_FromDouble } from "../objects/floatobject.ts";
import { _Py_ID, PyUnicode_FromString, type PyUnicodeObject } from "../objects/unicodeobject.ts";
import { importAllFrom, importFrom, importName } from "./imports.ts";
import { matchClass, matchKeys } from "./match.ts";
import { exceptionGroupMatch, prepReraiseStar } from "./exceptiongroups.ts";
import {
  bindSpecial,
  checkExceptTypeValid,
  dictMergeKwargs,
  dictUpdateArg,
  doRaise,
  exceptionMatches,
  getItemOrNull,
  loadNameAt,
  lookupSpecial,
  nameError,
  printExpr,
  setupAnnotations,
  unboundDeref,
  unboundLocal,
  unpackIterable,
} from "./eval.ts";

/** The stack pointer of the last op function that raised (consumed by the unwinder). */
import { binary_ops } from "../objects/abstract.ts";
import { PyObject_RichCompare } from "../objects/objectops.ts";

import { PyList_Type } from "../objects/object.ts";
import type { PyListObject } from "../objects/listobject.ts";

import { PyUnicode_FromConcat, unicodeKind } from "../objects/unicodeobject.ts";
export const opError = { sp: 0, set: false };

/** UNARY_POSITIVE */
export function op_UNARY_POSITIVE(
  _frame: Frame,
  ls: (PyObject | null)[],
  sp: number,
  _oparg: number,
): number {
  try {
    const value = ls[sp - 1]!;
    const res = PyNumber_Positive(value);
    Py_DECREF(value);
    ls[sp - 1] = res;
    return sp;
  } catch (e) {
    opError.sp = sp;
    opError.set = true;
    throw e;
  }
}

/** UNARY_NEGATIVE */
export function op_UNARY_NEGATIVE(
  _frame: Frame,
  ls: (PyObject | null)[],
  sp: number,
  _oparg: number,
): number {
  try {
    const value = ls[sp - 1]!;
    let res: PyObject;
    if (value.ob_type === PyLong_Type && typeof value.ob_val === "number") {
      const v = value.ob_val as number;
      res = PyLong_FromNumber(v === 0 ? 0 : -v);
    } else if (value.ob_type === PyFloat_Type) {
      res = PyFloat_FromDouble(-(value.ob_val as number));
    } else {
      try {
        res = PyNumber_Negative(value);
      } catch (e) {
        sp--;
        Py_DECREF(value);
        throw e;
      }
    }
    Py_DECREF(value);
    ls[sp - 1] = res;
    return sp;
  } catch (e) {
    opError.sp = sp;
    opError.set = true;
    throw e;
  }
}

/** UNARY_NOT */
export function op_UNARY_NOT(
  _frame: Frame,
  ls: (PyObject | null)[],
  sp: number,
  _oparg: number,
): number {
  try {
    const value = ls[sp - 1]!;
    let err: boolean;
    try {
      err = PyObject_IsTrue(value);
    } catch (e) {
      sp--;
      Py_DECREF(value);
      throw e;
    }
    Py_DECREF(value);
    const b = err ? Py_False : Py_True;
    Py_INCREF(b);
    ls[sp - 1] = b;
    return sp;
  } catch (e) {
    opError.sp = sp;
    opError.set = true;
    throw e;
  }
}

/** UNARY_INVERT */
export function op_UNARY_INVERT(
  _frame: Frame,
  ls: (PyObject | null)[],
  sp: number,
  _oparg: number,
): number {
  try {
    const value = ls[sp - 1]!;
    let res: PyObject;
    try {
      res = PyNumber_Invert(value);
    } catch (e) {
      sp--;
      Py_DECREF(value);
      throw e;
    }
    Py_DECREF(value);
    ls[sp - 1] = res;
    return sp;
  } catch (e) {
    opError.sp = sp;
    opError.set = true;
    throw e;
  }
}

/** SET_ADD */
export function op_SET_ADD(
  _frame: Frame,
  ls: (PyObject | null)[],
  sp: number,
  oparg: number,
): number {
  try {
    const v = ls[--sp]!;
    const set = ls[sp - oparg]!;
    try {
      PySet_Add(set, v);
    } finally {
      Py_DECREF(v);
    }
    return sp;
  } catch (e) {
    opError.sp = sp;
    opError.set = true;
    throw e;
  }
}

/** DELETE_SUBSCR */
export function op_DELETE_SUBSCR(
  _frame: Frame,
  ls: (PyObject | null)[],
  sp: number,
  _oparg: number,
): number {
  try {
    const sub = ls[sp - 1]!;
    const container = ls[sp - 2]!;
    sp -= 2;
    try {
      PyObject_DelItem(container, sub);
    } finally {
      Py_DECREF(container);
      Py_DECREF(sub);
    }
    return sp;
  } catch (e) {
    opError.sp = sp;
    opError.set = true;
    throw e;
  }
}

/** PRINT_EXPR */
export function op_PRINT_EXPR(
  _frame: Frame,
  ls: (PyObject | null)[],
  sp: number,
  _oparg: number,
): number {
  try {
    const value = ls[--sp]!;
    try {
      printExpr(value);
    } finally {
      Py_DECREF(value);
    }
    return sp;
  } catch (e) {
    opError.sp = sp;
    opError.set = true;
    throw e;
  }
}

/** RAISE_VARARGS */
export function op_RAISE_VARARGS(
  _frame: Frame,
  ls: (PyObject | null)[],
  sp: number,
  oparg: number,
): number {
  try {
    let cause: PyObject | null = null, exc: PyObject | null = null;
    if (oparg === 2) cause = ls[--sp];
    if (oparg >= 1) exc = ls[--sp];
    if (oparg > 2) throw PyErr_Format(PyExc_SystemError, "bad RAISE_VARARGS oparg");
    throw doRaise(exc, cause);
  } catch (e) {
    opError.sp = sp;
    opError.set = true;
    throw e;
  }
}

/** POP_EXCEPT */
export function op_POP_EXCEPT(
  _frame: Frame,
  ls: (PyObject | null)[],
  sp: number,
  _oparg: number,
): number {
  try {
    const excInfo = tstate.exc_info;
    const value = excInfo.exc_value;
    excInfo.exc_value = ls[--sp];
    Py_XDECREF(value);
    return sp;
  } catch (e) {
    opError.sp = sp;
    opError.set = true;
    throw e;
  }
}

/** PREP_RERAISE_STAR */
export function op_PREP_RERAISE_STAR(
  _frame: Frame,
  ls: (PyObject | null)[],
  sp: number,
  _oparg: number,
): number {
  try {
    const excs = ls[--sp]!;
    const orig = ls[--sp]!;
    let val: PyObject;
    try {
      val = prepReraiseStar(orig, excs);
    } finally {
      Py_DECREF(excs);
      Py_DECREF(orig);
    }
    ls[sp++] = val;
    return sp;
  } catch (e) {
    opError.sp = sp;
    opError.set = true;
    throw e;
  }
}

/** LOAD_BUILD_CLASS */
export function op_LOAD_BUILD_CLASS(
  frame: Frame,
  ls: (PyObject | null)[],
  sp: number,
  _oparg: number,
): number {
  try {
    const bc = dictGetStr(frame.f_builtins, _Py_ID("__build_class__"));
    if (bc === null) throw PyErr_Format(PyExc_NameError, "__build_class__ not found");
    Py_INCREF(bc);
    ls[sp++] = bc;
    return sp;
  } catch (e) {
    opError.sp = sp;
    opError.set = true;
    throw e;
  }
}

/** STORE_NAME */
export function op_STORE_NAME(
  frame: Frame,
  ls: (PyObject | null)[],
  sp: number,
  oparg: number,
): number {
  const names = frame.code.names;
  try {
    const name = names[oparg];
    const v = ls[--sp]!;
    const ns = frame.f_locals;
    // Rebinding a name: the dict entry this instruction stored into last time, found by
    // identity (insertdict's path for a key it finds, on a dict that is already tracked),
    // with PyDict_SetItem's references to key and value and then the stack's released, as
    // CPython counts them.
    const cache = frame.code.cache;
    const i = frame.prev_instr;
    const ix = cache[i];
    if (
      typeof ix === "number" && ns !== null && ns.ob_type === PyDict_Type &&
      ns.gc_next !== null && dictValueAt(ns, ix, name) !== null
    ) {
      Py_INCREF(name);
      Py_INCREF(v);
      dictReplaceAt(ns, ix, name, v);
      Py_DECREF(name);
      Py_DECREF(v);
      return sp;
    }
    try {
      if (ns === null) {
        throw PyErr_Format(
          PyExc_SystemError,
          `no locals found when storing ${str(PyObject_Repr(name))}`,
        );
      }
      if (ns.ob_type === PyDict_Type) {
        PyDict_SetItem(ns, name, v);
        cache[i] = dictStrIndex(ns, name);
      } else PyObject_SetItem(ns, name, v);
    } finally {
      Py_DECREF(v);
    }
    return sp;
  } catch (e) {
    opError.sp = sp;
    opError.set = true;
    throw e;
  }
}

/** DELETE_NAME */
export function op_DELETE_NAME(
  frame: Frame,
  _ls: (PyObject | null)[],
  sp: number,
  oparg: number,
): number {
  const names = frame.code.names;
  try {
    const name = names[oparg];
    const ns = frame.f_locals;
    if (ns === null) throw PyErr_Format(PyExc_SystemError, "no locals when deleting");
    try {
      PyObject_DelItem(ns, name);
    } catch (e) {
      if (e instanceof PyObject) Py_DECREF(e);
      throw nameError(name);
    }
    return sp;
  } catch (e) {
    opError.sp = sp;
    opError.set = true;
    throw e;
  }
}

/** UNPACK_EX */
export function op_UNPACK_EX(
  _frame: Frame,
  ls: (PyObject | null)[],
  sp: number,
  oparg: number,
): number {
  try {
    const totalargs = 1 + (oparg & 0xff) + (oparg >> 8);
    const seq = ls[--sp]!;
    try {
      unpackIterable(seq, oparg & 0xff, oparg >> 8, ls, sp);
    } finally {
      Py_DECREF(seq);
    }
    sp += totalargs;
    return sp;
  } catch (e) {
    opError.sp = sp;
    opError.set = true;
    throw e;
  }
}

/** DELETE_ATTR */
export function op_DELETE_ATTR(
  frame: Frame,
  ls: (PyObject | null)[],
  sp: number,
  oparg: number,
): number {
  const names = frame.code.names;
  try {
    const name = names[oparg];
    const owner = ls[--sp]!;
    try {
      PyObject_SetAttr(owner, name, null);
    } finally {
      Py_DECREF(owner);
    }
    return sp;
  } catch (e) {
    opError.sp = sp;
    opError.set = true;
    throw e;
  }
}

/** STORE_GLOBAL */
export function op_STORE_GLOBAL(
  frame: Frame,
  ls: (PyObject | null)[],
  sp: number,
  oparg: number,
): number {
  const names = frame.code.names;
  try {
    const name = names[oparg];
    const v = ls[--sp]!;
    try {
      PyDict_SetItem(frame.f_globals, name, v);
    } finally {
      Py_DECREF(v);
    }
    return sp;
  } catch (e) {
    opError.sp = sp;
    opError.set = true;
    throw e;
  }
}

/** DELETE_GLOBAL */
export function op_DELETE_GLOBAL(
  frame: Frame,
  _ls: (PyObject | null)[],
  sp: number,
  oparg: number,
): number {
  const names = frame.code.names;
  try {
    const name = names[oparg];
    try {
      PyDict_DelItem(frame.f_globals, name);
    } catch (e) {
      if (e instanceof PyObject && PyType_IsSubtype(e.ob_type, PyExc_KeyError)) {
        Py_DECREF(e);
        throw nameError(name);
      }
      throw e;
    }
    return sp;
  } catch (e) {
    opError.sp = sp;
    opError.set = true;
    throw e;
  }
}

/** LOAD_NAME */
export function op_LOAD_NAME(
  frame: Frame,
  ls: (PyObject | null)[],
  sp: number,
  oparg: number,
): number {
  const names = frame.code.names;
  try {
    const name = names[oparg];
    const v = loadNameAt(frame, name, frame.prev_instr);
    ls[sp++] = v;
    return sp;
  } catch (e) {
    opError.sp = sp;
    opError.set = true;
    throw e;
  }
}

/** DELETE_FAST */
export function op_DELETE_FAST(
  frame: Frame,
  ls: (PyObject | null)[],
  sp: number,
  oparg: number,
): number {
  const base = frame.base;
  const co = frame.code;
  try {
    const v = ls[base + oparg];
    if (v === null) throw unboundLocal(co, oparg);
    ls[base + oparg] = null;
    Py_DECREF(v);
    return sp;
  } catch (e) {
    opError.sp = sp;
    opError.set = true;
    throw e;
  }
}

/** MAKE_CELL */
export function op_MAKE_CELL(
  frame: Frame,
  ls: (PyObject | null)[],
  sp: number,
  oparg: number,
): number {
  const base = frame.base;
  try {
    const initial = ls[base + oparg];
    const cell = PyCell_New(initial);
    ls[base + oparg] = cell;
    Py_XDECREF(initial);
    return sp;
  } catch (e) {
    opError.sp = sp;
    opError.set = true;
    throw e;
  }
}

/** DELETE_DEREF */
export function op_DELETE_DEREF(
  frame: Frame,
  ls: (PyObject | null)[],
  sp: number,
  oparg: number,
): number {
  const base = frame.base;
  const co = frame.code;
  try {
    const cell = ls[base + oparg]!;
    const oldobj = PyCell_GET(cell);
    if (oldobj === null) throw unboundDeref(co, oparg);
    cell.ob_dict = null;
    Py_DECREF(oldobj);
    return sp;
  } catch (e) {
    opError.sp = sp;
    opError.set = true;
    throw e;
  }
}

/** LOAD_CLASSDEREF */
export function op_LOAD_CLASSDEREF(
  frame: Frame,
  ls: (PyObject | null)[],
  sp: number,
  oparg: number,
): number {
  const base = frame.base;
  const co = frame.code;
  try {
    const name = (co.co_localsplusnames.ob_item as PyObject[])[oparg];
    const locals = frame.f_locals!;
    let value: PyObject | null;
    if (locals.ob_type === PyDict_Type) {
      value = PyDict_GetItemWithError(locals, name);
      if (value !== null) Py_INCREF(value);
    } else {
      value = getItemOrNull(locals, name);
    }
    if (value === null) {
      const cell = ls[base + oparg]!;
      value = PyCell_GET(cell);
      if (value === null) throw unboundDeref(co, oparg);
      Py_INCREF(value);
    }
    ls[sp++] = value;
    return sp;
  } catch (e) {
    opError.sp = sp;
    opError.set = true;
    throw e;
  }
}

/** COPY_FREE_VARS */
export function op_COPY_FREE_VARS(
  frame: Frame,
  ls: (PyObject | null)[],
  sp: number,
  oparg: number,
): number {
  const base = frame.base;
  const co = frame.code;
  try {
    const closure = funcData(frame.f_func).closure!.ob_item as PyObject[];
    const offset = base + co.co_nlocals + co.co_nplaincellvars;
    for (let i = 0; i < oparg; i++) {
      const o = closure[i];
      Py_INCREF(o);
      ls[offset + i] = o;
    }
    return sp;
  } catch (e) {
    opError.sp = sp;
    opError.set = true;
    throw e;
  }
}

/** BUILD_STRING */
export function op_BUILD_STRING(
  _frame: Frame,
  ls: (PyObject | null)[],
  sp: number,
  oparg: number,
): number {
  try {
    let s = "";
    for (let i = sp - oparg; i < sp; i++) s += (ls[i] as PyUnicodeObject).ob_val;
    const res = PyUnicode_FromString(s);
    while (--oparg >= 0) Py_DECREF(ls[--sp]!);
    ls[sp++] = res;
    return sp;
  } catch (e) {
    opError.sp = sp;
    opError.set = true;
    throw e;
  }
}

/** LIST_TO_TUPLE */
export function op_LIST_TO_TUPLE(
  _frame: Frame,
  ls: (PyObject | null)[],
  sp: number,
  _oparg: number,
): number {
  try {
    const list = ls[--sp]!;
    const tuple = PyList_AsTuple(list);
    Py_DECREF(list);
    ls[sp++] = tuple;
    return sp;
  } catch (e) {
    opError.sp = sp;
    opError.set = true;
    throw e;
  }
}

/** LIST_EXTEND */
export function op_LIST_EXTEND(
  _frame: Frame,
  ls: (PyObject | null)[],
  sp: number,
  oparg: number,
): number {
  try {
    const iterable = ls[--sp]!;
    const list = ls[sp - oparg]!;
    try {
      list_extend(list, iterable);
    } catch (e) {
      if (
        e instanceof PyObject && PyType_IsSubtype(e.ob_type, PyExc_TypeError) &&
        iterable.ob_type.tp_iter === null && !PySequence_Check(iterable)
      ) {
        Py_DECREF(e);
        Py_DECREF(iterable);
        throw PyErr_Format(
          PyExc_TypeError,
          `Value after * must be an iterable, not ${iterable.ob_type.tp_name}`,
        );
      }
      Py_DECREF(iterable);
      throw e;
    }
    Py_DECREF(iterable);
    return sp;
  } catch (e) {
    opError.sp = sp;
    opError.set = true;
    throw e;
  }
}

/** SET_UPDATE */
export function op_SET_UPDATE(
  _frame: Frame,
  ls: (PyObject | null)[],
  sp: number,
  oparg: number,
): number {
  try {
    const iterable = ls[--sp]!;
    const set = ls[sp - oparg]!;
    try {
      set_update_internal(set, iterable);
    } finally {
      Py_DECREF(iterable);
    }
    return sp;
  } catch (e) {
    opError.sp = sp;
    opError.set = true;
    throw e;
  }
}

/** BUILD_SET */
export function op_BUILD_SET(
  _frame: Frame,
  ls: (PyObject | null)[],
  sp: number,
  oparg: number,
): number {
  try {
    const set = make_new_set(PySet_Type);
    let err: unknown = null;
    for (let i = oparg; i > 0; i--) {
      const item = ls[sp - i]!;
      if (err === null) {
        try {
          PySet_Add(set, item);
        } catch (e) {
          err = e;
        }
      }
      Py_DECREF(item);
    }
    sp -= oparg;
    if (err !== null) {
      Py_DECREF(set);
      throw err;
    }
    ls[sp++] = set;
    return sp;
  } catch (e) {
    opError.sp = sp;
    opError.set = true;
    throw e;
  }
}

/** BUILD_MAP */
export function op_BUILD_MAP(
  _frame: Frame,
  ls: (PyObject | null)[],
  sp: number,
  oparg: number,
): number {
  try {
    const map = _PyDict_FromItems(ls, sp - 2 * oparg, 2, ls, sp - 2 * oparg + 1, 2, oparg);
    for (let i = 0; i < 2 * oparg; i++) Py_DECREF(ls[--sp]!);
    ls[sp++] = map;
    return sp;
  } catch (e) {
    opError.sp = sp;
    opError.set = true;
    throw e;
  }
}

/** SETUP_ANNOTATIONS */
export function op_SETUP_ANNOTATIONS(
  frame: Frame,
  _ls: (PyObject | null)[],
  sp: number,
  _oparg: number,
): number {
  try {
    setupAnnotations(frame);
    return sp;
  } catch (e) {
    opError.sp = sp;
    opError.set = true;
    throw e;
  }
}

/** BUILD_CONST_KEY_MAP */
export function op_BUILD_CONST_KEY_MAP(
  _frame: Frame,
  ls: (PyObject | null)[],
  sp: number,
  oparg: number,
): number {
  try {
    const keys = ls[sp - 1]!;
    if (keys.ob_type !== PyTuple_Type || keys.ob_item!.length !== oparg) {
      throw PyErr_Format(PyExc_SystemError, "bad BUILD_CONST_KEY_MAP keys argument");
    }
    const map = _PyDict_FromItems(keys.ob_item!, 0, 1, ls, sp - 1 - oparg, 1, oparg);
    Py_DECREF(ls[--sp]!);
    for (let i = 0; i < oparg; i++) Py_DECREF(ls[--sp]!);
    ls[sp++] = map;
    return sp;
  } catch (e) {
    opError.sp = sp;
    opError.set = true;
    throw e;
  }
}

/** DICT_UPDATE */
export function op_DICT_UPDATE(
  _frame: Frame,
  ls: (PyObject | null)[],
  sp: number,
  oparg: number,
): number {
  try {
    const update = ls[--sp]!;
    const dict = ls[sp - oparg]!;
    try {
      dictUpdateArg(dict, update);
    } catch (e) {
      if (e instanceof PyObject && PyType_IsSubtype(e.ob_type, PyExc_AttributeError)) {
        Py_DECREF(e);
        Py_DECREF(update);
        throw PyErr_Format(
          PyExc_TypeError,
          `'${update.ob_type.tp_name}' object is not a mapping`,
        );
      }
      Py_DECREF(update);
      throw e;
    }
    Py_DECREF(update);
    return sp;
  } catch (e) {
    opError.sp = sp;
    opError.set = true;
    throw e;
  }
}

/** DICT_MERGE */
export function op_DICT_MERGE(
  _frame: Frame,
  ls: (PyObject | null)[],
  sp: number,
  oparg: number,
): number {
  try {
    const update = ls[--sp]!;
    const dict = ls[sp - oparg]!;
    try {
      dictMergeKwargs(dict, update, ls[sp - 2 - oparg]!);
    } finally {
      Py_DECREF(update);
    }
    return sp;
  } catch (e) {
    opError.sp = sp;
    opError.set = true;
    throw e;
  }
}

/** MAP_ADD */
export function op_MAP_ADD(
  _frame: Frame,
  ls: (PyObject | null)[],
  sp: number,
  oparg: number,
): number {
  try {
    const value = ls[--sp]!;
    const key = ls[--sp]!;
    const map = ls[sp - oparg]!;
    _PyDict_SetItem_Take2(map, key, value);
    return sp;
  } catch (e) {
    opError.sp = sp;
    opError.set = true;
    throw e;
  }
}

/** CONTAINS_OP */
export function op_CONTAINS_OP(
  _frame: Frame,
  ls: (PyObject | null)[],
  sp: number,
  oparg: number,
): number {
  try {
    const right = ls[--sp]!;
    const left = ls[--sp]!;
    let res: boolean;
    try {
      res = PySequence_Contains(right, left);
    } finally {
      Py_DECREF(left);
      Py_DECREF(right);
    }
    const b = res !== (oparg === 1) ? Py_True : Py_False;
    Py_INCREF(b);
    ls[sp++] = b;
    return sp;
  } catch (e) {
    opError.sp = sp;
    opError.set = true;
    throw e;
  }
}

/** CHECK_EG_MATCH */
export function op_CHECK_EG_MATCH(
  _frame: Frame,
  ls: (PyObject | null)[],
  sp: number,
  _oparg: number,
): number {
  try {
    const matchType = ls[--sp]!;
    const excValue = ls[sp - 1]!;
    let match: PyObject, rest: PyObject;
    try {
      [match, rest] = exceptionGroupMatch(excValue, matchType);
    } finally {
      Py_DECREF(matchType);
    }
    if (match === Py_None) {
      ls[sp++] = match;
      Py_XDECREF(rest);
    } else {
      ls[sp - 1] = rest;
      ls[sp++] = match;
      Py_INCREF(match);
      const info = tstate.exc_info;
      const old = info.exc_value;
      info.exc_value = match;
      Py_XDECREF(old);
      Py_DECREF(excValue);
    }
    return sp;
  } catch (e) {
    opError.sp = sp;
    opError.set = true;
    throw e;
  }
}

/** CHECK_EXC_MATCH */
export function op_CHECK_EXC_MATCH(
  _frame: Frame,
  ls: (PyObject | null)[],
  sp: number,
  _oparg: number,
): number {
  try {
    const right = ls[--sp]!;
    const left = ls[sp - 1]!;
    try {
      checkExceptTypeValid(right);
    } catch (e) {
      Py_DECREF(right);
      throw e;
    }
    const res = exceptionMatches(left, right);
    Py_DECREF(right);
    const b = res ? Py_True : Py_False;
    Py_INCREF(b);
    ls[sp++] = b;
    return sp;
  } catch (e) {
    opError.sp = sp;
    opError.set = true;
    throw e;
  }
}

/** IMPORT_NAME */
export function op_IMPORT_NAME(
  frame: Frame,
  ls: (PyObject | null)[],
  sp: number,
  oparg: number,
): number {
  const names = frame.code.names;
  try {
    const name = names[oparg];
    const fromlist = ls[--sp]!;
    const level = ls[sp - 1]!;
    let res: PyObject;
    try {
      res = importName(frame, name, fromlist, level);
    } catch (e) {
      Py_DECREF(level);
      Py_DECREF(fromlist);
      sp--;
      throw e;
    }
    Py_DECREF(level);
    Py_DECREF(fromlist);
    ls[sp - 1] = res;
    return sp;
  } catch (e) {
    opError.sp = sp;
    opError.set = true;
    throw e;
  }
}

/** IMPORT_STAR */
export function op_IMPORT_STAR(
  frame: Frame,
  ls: (PyObject | null)[],
  sp: number,
  _oparg: number,
): number {
  try {
    const from = ls[--sp]!;
    try {
      const locals = fastToLocals(frame);
      importAllFrom(locals, from);
    } finally {
      Py_DECREF(from);
    }
    return sp;
  } catch (e) {
    opError.sp = sp;
    opError.set = true;
    throw e;
  }
}

/** IMPORT_FROM */
export function op_IMPORT_FROM(
  frame: Frame,
  ls: (PyObject | null)[],
  sp: number,
  oparg: number,
): number {
  const names = frame.code.names;
  try {
    const name = names[oparg];
    const from = ls[sp - 1]!;
    const v = importFrom(from, name);
    ls[sp++] = v;
    return sp;
  } catch (e) {
    opError.sp = sp;
    opError.set = true;
    throw e;
  }
}

/** GET_LEN */
export function op_GET_LEN(
  _frame: Frame,
  ls: (PyObject | null)[],
  sp: number,
  _oparg: number,
): number {
  try {
    const len = PyObject_Size(ls[sp - 1]!);
    const v = PyLong_FromNumber(len);
    ls[sp++] = v;
    return sp;
  } catch (e) {
    opError.sp = sp;
    opError.set = true;
    throw e;
  }
}

/** MATCH_CLASS */
export function op_MATCH_CLASS(
  _frame: Frame,
  ls: (PyObject | null)[],
  sp: number,
  oparg: number,
): number {
  try {
    const namesTuple = ls[--sp]!;
    const type = ls[--sp]!;
    const subject = ls[sp - 1]!;
    let attrs: PyObject | null;
    try {
      attrs = matchClass(subject, type, oparg, namesTuple);
    } catch (e) {
      Py_DECREF(namesTuple);
      Py_DECREF(type);
      throw e;
    }
    Py_DECREF(namesTuple);
    Py_DECREF(type);
    if (attrs !== null) ls[sp - 1] = attrs;
    else {
      Py_INCREF(Py_None);
      ls[sp - 1] = Py_None;
    }
    Py_DECREF(subject);
    return sp;
  } catch (e) {
    opError.sp = sp;
    opError.set = true;
    throw e;
  }
}

/** MATCH_MAPPING */
export function op_MATCH_MAPPING(
  _frame: Frame,
  ls: (PyObject | null)[],
  sp: number,
  _oparg: number,
): number {
  try {
    const subject = ls[sp - 1]!;
    const b = subject.ob_type.tp_flags & Py_TPFLAGS_MAPPING ? Py_True : Py_False;
    Py_INCREF(b);
    ls[sp++] = b;
    return sp;
  } catch (e) {
    opError.sp = sp;
    opError.set = true;
    throw e;
  }
}

/** MATCH_SEQUENCE */
export function op_MATCH_SEQUENCE(
  _frame: Frame,
  ls: (PyObject | null)[],
  sp: number,
  _oparg: number,
): number {
  try {
    const subject = ls[sp - 1]!;
    const b = subject.ob_type.tp_flags & Py_TPFLAGS_SEQUENCE ? Py_True : Py_False;
    Py_INCREF(b);
    ls[sp++] = b;
    return sp;
  } catch (e) {
    opError.sp = sp;
    opError.set = true;
    throw e;
  }
}

/** MATCH_KEYS */
export function op_MATCH_KEYS(
  _frame: Frame,
  ls: (PyObject | null)[],
  sp: number,
  _oparg: number,
): number {
  try {
    const keys = ls[sp - 1]!;
    const subject = ls[sp - 2]!;
    const v = matchKeys(subject, keys);
    ls[sp++] = v;
    return sp;
  } catch (e) {
    opError.sp = sp;
    opError.set = true;
    throw e;
  }
}

/** GET_ITER */
export function op_GET_ITER(
  _frame: Frame,
  ls: (PyObject | null)[],
  sp: number,
  _oparg: number,
): number {
  try {
    const iterable = ls[sp - 1]!;
    let iter: PyObject;
    try {
      iter = PyObject_GetIter(iterable);
    } catch (e) {
      sp--;
      Py_DECREF(iterable);
      throw e;
    }
    Py_DECREF(iterable);
    ls[sp - 1] = iter;
    return sp;
  } catch (e) {
    opError.sp = sp;
    opError.set = true;
    throw e;
  }
}

/** GET_YIELD_FROM_ITER */
export function op_GET_YIELD_FROM_ITER(
  frame: Frame,
  ls: (PyObject | null)[],
  sp: number,
  _oparg: number,
): number {
  const co = frame.code;
  try {
    const iterable = ls[sp - 1]!;
    if (iterable.ob_type === PyCoro_Type) {
      if (!(co.co_flags & (CO.COROUTINE | CO.ITERABLE_COROUTINE))) {
        sp--;
        Py_DECREF(iterable);
        throw PyErr_Format(
          PyExc_TypeError,
          "cannot 'yield from' a coroutine object in a non-coroutine generator",
        );
      }
    } else if (iterable.ob_type !== PyGen_Type) {
      let iter: PyObject;
      try {
        iter = PyObject_GetIter(iterable);
      } catch (e) {
        sp--;
        Py_DECREF(iterable);
        throw e;
      }
      Py_DECREF(iterable);
      ls[sp - 1] = iter;
    }
    return sp;
  } catch (e) {
    opError.sp = sp;
    opError.set = true;
    throw e;
  }
}

/** BEFORE_WITH */
export function op_BEFORE_WITH(
  _frame: Frame,
  ls: (PyObject | null)[],
  sp: number,
  _oparg: number,
): number {
  try {
    return enterContext(ls, sp, false);
  } catch (e) {
    opError.sp = sp;
    opError.set = true;
    throw e;
  }
}

/**
 * BEFORE_WITH and BEFORE_ASYNC_WITH: the manager on top of the stack is replaced by its bound
 * __exit__ (__aexit__), and the result of calling __enter__ (__aenter__) is pushed.
 */
export function enterContext(ls: (PyObject | null)[], sp: number, async: boolean): number {
  const mgr = ls[sp - 1]!;
  const protocol = async ? "asynchronous context manager protocol" : "context manager protocol";
  const [enter, enterUnbound] = lookupSpecial(mgr, async ? "__aenter__" : "__enter__");
  if (enter === null) {
    throw PyErr_Format(
      PyExc_TypeError,
      `'${mgr.ob_type.tp_name}' object does not support the ${protocol}`,
    );
  }
  const [exit, exitUnbound] = lookupSpecial(mgr, async ? "__aexit__" : "__exit__");
  if (exit === null) {
    Py_DECREF(enter);
    throw PyErr_Format(
      PyExc_TypeError,
      `'${mgr.ob_type.tp_name}' object does not support the ${protocol} (missed ${
        async ? "__aexit__" : "__exit__"
      } method)`,
    );
  }
  ls[sp - 1] = bindSpecial(exit, exitUnbound, mgr);
  let res: PyObject;
  try {
    res = enterUnbound ? PyObject_CallOneArg(enter, mgr) : PyObject_CallNoArgs(enter);
  } finally {
    Py_DECREF(enter);
    Py_DECREF(mgr);
  }
  ls[sp++] = res;
  return sp;
}

/** WITH_EXCEPT_START */
export function op_WITH_EXCEPT_START(
  _frame: Frame,
  ls: (PyObject | null)[],
  sp: number,
  _oparg: number,
): number {
  try {
    const val = ls[sp - 1]!;
    const exc = val.ob_type;
    const tb = excData(val).traceback ?? Py_None;
    const exitFunc = ls[sp - 4]!;
    const res = PyObject_Vectorcall(exitFunc, [exc, val, tb], 0, 3, null);
    ls[sp++] = res;
    return sp;
  } catch (e) {
    opError.sp = sp;
    opError.set = true;
    throw e;
  }
}

/** PUSH_EXC_INFO */
export function op_PUSH_EXC_INFO(
  _frame: Frame,
  ls: (PyObject | null)[],
  sp: number,
  _oparg: number,
): number {
  try {
    const value = ls[sp - 1]!;
    const excInfo = tstate.exc_info;
    if (excInfo.exc_value !== null) {
      ls[sp - 1] = excInfo.exc_value;
    } else {
      Py_INCREF(Py_None);
      ls[sp - 1] = Py_None;
    }
    Py_INCREF(value);
    ls[sp++] = value;
    excInfo.exc_value = value;
    return sp;
  } catch (e) {
    opError.sp = sp;
    opError.set = true;
    throw e;
  }
}

/** MAKE_FUNCTION */
export function op_MAKE_FUNCTION(
  frame: Frame,
  ls: (PyObject | null)[],
  sp: number,
  oparg: number,
): number {
  try {
    const codeobj = ls[--sp]!;
    const func = PyFunction_New(codeobj, frame.f_globals);
    Py_DECREF(codeobj);
    const fd = funcData(func);
    if (oparg & 0x08) fd.closure = ls[--sp];
    if (oparg & 0x04) fd.annotations = ls[--sp];
    if (oparg & 0x02) fd.kwdefaults = ls[--sp];
    if (oparg & 0x01) fd.defaults = ls[--sp];
    ls[sp++] = func;
    return sp;
  } catch (e) {
    opError.sp = sp;
    opError.set = true;
    throw e;
  }
}

/** BUILD_SLICE */
export function op_BUILD_SLICE(
  _frame: Frame,
  ls: (PyObject | null)[],
  sp: number,
  oparg: number,
): number {
  try {
    const step = oparg === 3 ? ls[--sp]! : null;
    const stop = ls[--sp]!;
    const start = ls[sp - 1]!;
    const slice = PySlice_New(start, stop, step);
    Py_DECREF(start);
    Py_DECREF(stop);
    Py_XDECREF(step);
    ls[sp - 1] = slice;
    return sp;
  } catch (e) {
    opError.sp = sp;
    opError.set = true;
    throw e;
  }
}

/** FORMAT_VALUE */
export function op_FORMAT_VALUE(
  _frame: Frame,
  ls: (PyObject | null)[],
  sp: number,
  oparg: number,
): number {
  try {
    const haveSpec = (oparg & 0x04) === 0x04;
    const fmtSpec = haveSpec ? ls[--sp]! : null;
    let value = ls[--sp]!;
    try {
      const conv = oparg & 0x03;
      if (conv !== 0) {
        const f = conv === 1 ? PyObject_Str : conv === 2 ? PyObject_Repr : PyObject_ASCII;
        let result: PyObject;
        try {
          result = f(value);
        } finally {
          Py_DECREF(value);
        }
        value = result;
      }
    } catch (e) {
      Py_XDECREF(fmtSpec);
      throw e;
    }
    let result: PyObject;
    if (value.ob_type === PyUnicode_Type && fmtSpec === null) {
      result = value;
    } else {
      try {
        result = PyObject_Format(value, fmtSpec);
      } finally {
        Py_DECREF(value);
        Py_XDECREF(fmtSpec);
      }
    }
    ls[sp++] = result;
    return sp;
  } catch (e) {
    opError.sp = sp;
    opError.set = true;
    throw e;
  }
}

// ---- helpers of compiled code (jit.ts) ------------------------------------------------------------

/** BINARY_OP's general path: lhs op rhs; when it raises, both are released and popped. */
export function binaryOpSlow(lhs: PyObject, rhs: PyObject, oparg: number, sp: number): PyObject {
  try {
    return binary_ops[oparg](lhs, rhs);
  } catch (e) {
    Py_DECREF(lhs);
    Py_DECREF(rhs);
    opError.sp = sp - 1;
    opError.set = true;
    throw e;
  }
}

/** COMPARE_OP's general path (both operands already popped to sp): the result; releases both. */
export function compareSlow(left: PyObject, right: PyObject, oparg: number, sp: number): PyObject {
  let res: PyObject;
  try {
    res = PyObject_RichCompare(left, right, oparg);
  } catch (e) {
    Py_DECREF(left);
    Py_DECREF(right);
    opError.sp = sp;
    opError.set = true;
    throw e;
  }
  Py_DECREF(left);
  Py_DECREF(right);
  return res;
}

/** bool(v) for a popped value, which is released (POP_JUMP_IF_* on a non-bool). */
export function truthAndDecref(v: PyObject): boolean {
  try {
    return PyObject_IsTrue(v);
  } finally {
    Py_DECREF(v);
  }
}

/** str + str as BINARY_OP's fast path makes it. */
export function concatStrings(lhs: PyObject, rhs: PyObject): PyObject {
  const a = lhs.ob_val as string, b = rhs.ob_val as string;
  if (b.length === 0) {
    Py_INCREF(lhs);
    return lhs;
  }
  if (a.length === 0) {
    Py_INCREF(rhs);
    return rhs;
  }
  return PyUnicode_FromConcat(a + b, unicodeKind(lhs), unicodeKind(rhs));
}

/** CALL of anything but a Python function: calls it, clears the stack, pushes the result. */
export function callGeneric(
  frame: Frame,
  ls: (PyObject | null)[],
  sp: number,
  totalArgs: number,
  positional: number,
  isMeth: boolean,
  kw: PyObject | null,
): number {
  const fn = ls[sp - totalArgs - 1]!;
  frame.sp = sp;
  let res: PyObject;
  try {
    res = PyObject_Vectorcall(fn, ls, sp - totalArgs, positional, kw);
  } catch (e) {
    Py_DECREF(fn);
    sp -= totalArgs;
    for (let i = 0; i < totalArgs; i++) Py_DECREF(ls[sp + i]!);
    sp -= isMeth ? 1 : 2;
    opError.sp = sp;
    opError.set = true;
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
  return sp;
}

/** STORE_SUBSCR */
export function op_STORE_SUBSCR(
  _frame: Frame,
  ls: (PyObject | null)[],
  sp: number,
  _oparg: number,
): number {
  try {
    const sub = ls[sp - 1]!;
    const container = ls[sp - 2]!;
    const v = ls[sp - 3]!;
    sp -= 3;
    try {
      if (
        container.ob_type === PyList_Type && sub.ob_type === PyLong_Type &&
        typeof sub.ob_val === "number"
      ) {
        const items = (container as PyListObject).ob_item;
        let i = sub.ob_val as number;
        if (i < 0) i += items.length;
        if (i >= 0 && i < items.length) {
          Py_INCREF(v);
          const old = items[i];
          items[i] = v;
          Py_DECREF(old);
        } else PyObject_SetItem(container, sub, v);
      } else if (container.ob_type === PyDict_Type) {
        PyDict_SetItem(container, sub, v);
      } else {
        PyObject_SetItem(container, sub, v);
      }
    } finally {
      Py_DECREF(v);
      Py_DECREF(container);
      Py_DECREF(sub);
    }
    return sp;
  } catch (e) {
    opError.sp = sp;
    opError.set = true;
    throw e;
  }
}

/** UNPACK_SEQUENCE */
export function op_UNPACK_SEQUENCE(
  _frame: Frame,
  ls: (PyObject | null)[],
  sp: number,
  oparg: number,
): number {
  const seq = ls[--sp]!;
  if (seq.ob_type === PyTuple_Type || seq.ob_type === PyList_Type) {
    const items = seq.ob_item as PyObject[];
    if (items.length === oparg) {
      for (let i = oparg - 1; i >= 0; i--) {
        const it = items[i];
        Py_INCREF(it);
        ls[sp++] = it;
      }
      Py_DECREF(seq);
      return sp;
    }
  }
  try {
    unpackIterable(seq, oparg, -1, ls, sp);
  } catch (e) {
    Py_DECREF(seq);
    opError.sp = sp;
    opError.set = true;
    throw e;
  }
  Py_DECREF(seq);
  return sp + oparg;
}
