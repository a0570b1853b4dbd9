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
import { Op } from "../compiler/opcode.ts";
import {
  Py_DECREF,
  Py_False,
  Py_None,
  Py_NotImplemented,
  Py_TPFLAGS_MAPPING,
  Py_TPFLAGS_SEQUENCE,
  Py_True,
  Py_XDECREF,
  PyBaseObject_Type,
  PyBool_Type,
  PyCoro_Type,
  PyDict_Type,
  PyFloat_Type,
  PyFunction_Type,
  PyGen_Type,
  PyList_Type,
  PyLong_Type,
  PyMethod_Type,
  PyObject,
  PyTuple_Type,
  PyType_IsSubtype,
  type PyTypeObject,
  PyUnicode_Type,
} from "../objects/object.ts";
import { type CodeData, codeData, findHandler } from "../objects/codeobject.ts";
import { funcData, PyFunction_New } from "../objects/funcobject.ts";
import { tstate } from "../objects/pystate.ts";
import {
  clearAndPopFrame,
  clearFrame,
  fastToLocals,
  Frame,
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
  PyExc_AttributeError,
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
  PyExceptionClass_Check,
  PyExceptionInstance_Check,
} from "../objects/exceptions.ts";
import {
  _PyObject_GetMethod,
  _PyObject_LookupAttr,
  checkRecursiveCall,
  methodOut,
  PyObject_ASCII,
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
  PyNumber_Invert,
  PyNumber_Negative,
  PyNumber_Positive,
  PyObject_DelItem,
  PyObject_Format,
  PyObject_GetItem,
  PyObject_GetIter,
  PyObject_IsInstance,
  PyObject_SetItem,
  PyObject_Size,
  PySequence_Check,
  PySequence_Contains,
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
  PyDict_DelItem,
  PyDict_GetItemWithError,
  PyDict_New,
  PyDict_SetItem,
  PyDict_Size,
} from "../objects/dictobject.ts";
import { PyTuple_Check, PyTuple_FromArraySteal } from "../objects/tupleobject.ts";
import {
  _PyList_AppendTakeRef,
  list_extend,
  list_iter,
  listiter_next,
  PyList_AsTuple,
  PyList_Check,
  PyList_FromArraySteal,
  type PyListObject,
} from "../objects/listobject.ts";
import { make_new_set, PySet_Add, set_update_internal } from "../objects/setobject.ts";
import { PySlice_New } from "../objects/sliceobject.ts";
import { PyCell_GET, PyCell_New } from "../objects/cellobject.ts";
import { PySet_Type } from "../objects/object.ts";
import {
  addValues,
  compareValues,
  mulValues,
  PyLong_FromNumber,
  type PyLongObject,
  subValues,
} from "../objects/longobject.ts";
import { PyFloat_FromDouble } from "../objects/floatobject.ts";
import {
  _Py_ID,
  PyUnicode_FromString,
  type PyUnicodeObject,
  unicode_empty,
} from "../objects/unicodeobject.ts";
import { lookupMaybeMethod, PyType_Check } from "../objects/typeobject.ts";
import { PyTraceBack_Here } from "./traceback.ts";
import { makeGenerator } from "./genobject.ts";
import { importAllFrom, importFrom, importName } from "./imports.ts";
import { matchClass, matchKeys } from "./match.ts";
import { rangeiter_next } from "../objects/rangeobject.ts";
import { PyListIter_Type, PyRangeIter_Type } from "../objects/object.ts";
import { PyDictProxy_New } from "../objects/descrobject.ts";
import { hostState } from "./hoststate.ts";
import { instrument } from "./instrument.ts";
import { exceptionGroupMatch, prepReraiseStar } from "./exceptiongroups.ts";

/** A reraise (RERAISE, bare raise) that must not add a traceback entry for this frame. */
let reraised: PyObject | null = null;

function unboundLocal(co: CodeData, oparg: number): PyObject {
  const name = (co.co_localsplusnames.ob_item as PyObject[])[oparg];
  const e = PyErr_Format(
    PyExc_UnboundLocalError,
    `cannot access local variable '${str(name)}' where it is not associated with a value`,
  );
  return e;
}

function unboundDeref(co: CodeData, oparg: number): PyObject {
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
function nameErrorWith(msg: string, name: PyObject): PyObject {
  const e = PyErr_Format(PyExc_NameError, msg);
  const d = excData(e);
  if (d.name === null) {
    name.ob_refcnt++;
    d.name = name;
  }
  return e;
}

function nameError(name: PyObject): PyObject {
  return nameErrorWith(`name '${str(name)}' is not defined`, name);
}

/** The eval breaker: the host's interrupt flag. */
function handleEvalBreaker(): void {
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
  func.ob_refcnt++;
  const nkw = kwnames === null ? 0 : kwnames.ob_item!.length;
  for (let i = 0; i < argcount + nkw; i++) args[offset + i]!.ob_refcnt++;
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
  try {
    return evalFrame(frame, null);
  } finally {
    clearAndPopFrame(frame);
  }
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

/** PyEval_EvalCode: runs a code object in globals/locals (module or exec). */
export function PyEval_EvalCode(code: PyObject, globals: PyObject, locals: PyObject): PyObject {
  // 3.11 wraps the code in a temporary function object for its frame.
  const func = PyFunction_New(code, globals);
  try {
    return _PyEval_Vector(func, locals, [], 0, 0, null);
  } finally {
    Py_DECREF(func);
  }
}

// ---- the loop ----------------------------------------------------------------------------------------

const BINARY_OP_ADD = 0, BINARY_OP_SUB = 10, BINARY_OP_MUL = 5;
const BINARY_OP_IADD = 13, BINARY_OP_ISUB = 23, BINARY_OP_IMUL = 18;

/**
 * _PyEval_EvalFrameDefault: runs frame (and the Python frames it calls) until frame
 * returns (a new reference) or raises (throws). With throwExc, the frame resumes by
 * raising that exception (generator.throw), taking its reference.
 */
export function evalFrame(entry: Frame, throwExc: PyObject | null): PyObject {
  let frame = entry;
  frame.is_entry = true;
  frame.previous = vmstack.current;
  vmstack.current = frame;
  const interrupt = hostState.interrupt;

  // The recursion check of start_frame.
  if (--tstate.recursion_remaining < 0) {
    try {
      checkRecursiveCall("");
    } catch (e) {
      tstate.recursion_remaining--;
      if (throwExc !== null) Py_DECREF(throwExc);
      tstate.recursion_remaining++;
      vmstack.current = frame.previous;
      throw e;
    }
  }

  let pending: PyObject | null = throwExc;
  let co: CodeData;
  let instrs: Uint16Array;
  let consts: PyObject[];
  let names: PyObject[];
  let ls: (PyObject | null)[];
  let base: number;
  let sp: number;
  let next_instr: number;
  let kwnames: PyObject | null = null;

  resume: for (;;) {
    co = frame.code;
    instrs = co.instrs;
    consts = co.consts;
    names = co.names;
    ls = frame.localsplus;
    base = frame.base;
    sp = frame.sp;
    next_instr = frame.prev_instr + 1;
    const tracing = instrument.active;
    try {
      if (pending !== null) {
        const e = pending;
        pending = null;
        throw e;
      }
      for (;;) {
        if (tracing) instrument.hook(frame, next_instr, sp);
        frame.prev_instr = next_instr;
        let word = instrs[next_instr++];
        let opcode = word & 255;
        let oparg = word >> 8;
        while (opcode === Op.EXTENDED_ARG) {
          frame.prev_instr = next_instr;
          word = instrs[next_instr++];
          opcode = word & 255;
          oparg = (oparg << 8) | (word >> 8);
        }
        switch (opcode) {
          case Op.NOP:
            break;

          case Op.RESUME:
            if (oparg < 2 && interrupt !== null && interrupt[0] !== 0) handleEvalBreaker();
            break;

          case Op.LOAD_CLOSURE:
          case Op.LOAD_FAST: {
            const value = ls[base + oparg];
            if (value === null) throw unboundLocal(co, oparg);
            value.ob_refcnt++;
            ls[sp++] = value;
            break;
          }

          case Op.LOAD_CONST: {
            const value = consts[oparg];
            value.ob_refcnt++;
            ls[sp++] = value;
            break;
          }

          case Op.STORE_FAST: {
            const value = ls[--sp];
            const tmp = ls[base + oparg];
            ls[base + oparg] = value;
            if (tmp !== null && --tmp.ob_refcnt === 0) tmp.ob_type.tp_dealloc!(tmp);
            break;
          }

          case Op.POP_TOP: {
            const value = ls[--sp]!;
            if (--value.ob_refcnt === 0) value.ob_type.tp_dealloc!(value);
            break;
          }

          case Op.PUSH_NULL:
            ls[sp++] = null;
            break;

          case Op.UNARY_POSITIVE: {
            const value = ls[sp - 1]!;
            const res = PyNumber_Positive(value);
            Py_DECREF(value);
            ls[sp - 1] = res;
            break;
          }

          case Op.UNARY_NEGATIVE: {
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
            break;
          }

          case Op.UNARY_NOT: {
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
            b.ob_refcnt++;
            ls[sp - 1] = b;
            break;
          }

          case Op.UNARY_INVERT: {
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
            break;
          }

          case Op.BINARY_OP: {
            const rhs = ls[--sp]!;
            const lhs = ls[sp - 1]!;
            let res: PyObject | null = null;
            const lt = lhs.ob_type, rt = rhs.ob_type;
            if (lt === PyLong_Type && rt === PyLong_Type) {
              const a = (lhs as PyLongObject).ob_val, b = (rhs as PyLongObject).ob_val;
              switch (oparg) {
                case BINARY_OP_ADD:
                case BINARY_OP_IADD:
                  if (typeof a === "number" && typeof b === "number") {
                    const r = a + b;
                    res = r <= 9007199254740991 && r >= -9007199254740991
                      ? PyLong_FromNumber(r)
                      : addValues(a, b);
                  } else res = addValues(a, b);
                  break;
                case BINARY_OP_SUB:
                case BINARY_OP_ISUB:
                  res = subValues(a, b);
                  break;
                case BINARY_OP_MUL:
                case BINARY_OP_IMUL:
                  res = mulValues(a, b);
                  break;
              }
            } else if (lt === PyFloat_Type && rt === PyFloat_Type) {
              const a = lhs.ob_val as number, b = rhs.ob_val as number;
              switch (oparg) {
                case BINARY_OP_ADD:
                case BINARY_OP_IADD:
                  res = PyFloat_FromDouble(a + b);
                  break;
                case BINARY_OP_SUB:
                case BINARY_OP_ISUB:
                  res = PyFloat_FromDouble(a - b);
                  break;
                case BINARY_OP_MUL:
                case BINARY_OP_IMUL:
                  res = PyFloat_FromDouble(a * b);
                  break;
              }
            } else if (
              lt === PyUnicode_Type && rt === PyUnicode_Type &&
              (oparg === BINARY_OP_ADD || oparg === BINARY_OP_IADD)
            ) {
              const a = (lhs as PyUnicodeObject).ob_val, b = (rhs as PyUnicodeObject).ob_val;
              if (b.length === 0) {
                lhs.ob_refcnt++;
                res = lhs;
              } else if (a.length === 0) {
                rhs.ob_refcnt++;
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
            if (--lhs.ob_refcnt === 0) lhs.ob_type.tp_dealloc!(lhs);
            if (--rhs.ob_refcnt === 0) rhs.ob_type.tp_dealloc!(rhs);
            ls[sp - 1] = res;
            next_instr += 1;
            break;
          }

          case Op.BINARY_SUBSCR: {
            const sub = ls[--sp]!;
            const container = ls[sp - 1]!;
            let res: PyObject | null = null;
            if (
              container.ob_type === PyList_Type && sub.ob_type === PyLong_Type &&
              typeof sub.ob_val === "number"
            ) {
              const items = (container as PyListObject).ob_item;
              let i = sub.ob_val as number;
              if (i < 0) i += items.length;
              if (i >= 0 && i < items.length) {
                res = items[i];
                res.ob_refcnt++;
              }
            }
            if (res === null) {
              try {
                res = subscrSlow(container, sub, sp);
              } catch (e) {
                sp++; // ceval.c: both operands are released when the lookup fails
                throw e;
              }
            }
            if (--container.ob_refcnt === 0) container.ob_type.tp_dealloc!(container);
            if (--sub.ob_refcnt === 0) sub.ob_type.tp_dealloc!(sub);
            ls[sp - 1] = res;
            next_instr += 4;
            break;
          }

          case Op.LIST_APPEND: {
            const v = ls[--sp]!;
            const list = ls[sp - oparg]!;
            _PyList_AppendTakeRef(list, v);
            break;
          }

          case Op.SET_ADD: {
            const v = ls[--sp]!;
            const set = ls[sp - oparg]!;
            try {
              PySet_Add(set, v);
            } finally {
              Py_DECREF(v);
            }
            break;
          }

          case Op.STORE_SUBSCR: {
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
                  v.ob_refcnt++;
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
            next_instr += 1;
            break;
          }

          case Op.DELETE_SUBSCR: {
            const sub = ls[sp - 1]!;
            const container = ls[sp - 2]!;
            sp -= 2;
            try {
              PyObject_DelItem(container, sub);
            } finally {
              Py_DECREF(container);
              Py_DECREF(sub);
            }
            break;
          }

          case Op.PRINT_EXPR: {
            const value = ls[--sp]!;
            try {
              printExpr(value);
            } finally {
              Py_DECREF(value);
            }
            break;
          }

          case Op.RAISE_VARARGS: {
            let cause: PyObject | null = null, exc: PyObject | null = null;
            if (oparg === 2) cause = ls[--sp];
            if (oparg >= 1) exc = ls[--sp];
            if (oparg > 2) throw PyErr_Format(PyExc_SystemError, "bad RAISE_VARARGS oparg");
            throw doRaise(exc, cause);
          }

          case Op.RETURN_VALUE: {
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

          case Op.GET_AITER:
          case Op.GET_ANEXT:
          case Op.GET_AWAITABLE:
          case Op.BEFORE_ASYNC_WITH:
          case Op.END_ASYNC_FOR:
          case Op.ASYNC_GEN_WRAP:
            sp = asyncOp(opcode, oparg, ls, sp, frame);
            break;

          case Op.SEND: {
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

          case Op.YIELD_VALUE: {
            const retval = ls[--sp]!;
            frame.sp = sp;
            const gen = frame.generator!;
            (gen.ob_data as { frameState: number }).frameState = -1; // FRAME_SUSPENDED
            tstate.recursion_remaining++;
            vmstack.current = frame.previous;
            return retval;
          }

          case Op.POP_EXCEPT: {
            const excInfo = tstate.exc_info;
            const value = excInfo.exc_value;
            excInfo.exc_value = ls[--sp];
            Py_XDECREF(value);
            break;
          }

          case Op.RERAISE: {
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

          case Op.PREP_RERAISE_STAR: {
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
            break;
          }

          case Op.LOAD_ASSERTION_ERROR:
            PyExc_AssertionError.ob_refcnt++;
            ls[sp++] = PyExc_AssertionError;
            break;

          case Op.LOAD_BUILD_CLASS: {
            const bc = dictGetStr(frame.f_builtins, _Py_ID("__build_class__"));
            if (bc === null) throw PyErr_Format(PyExc_NameError, "__build_class__ not found");
            bc.ob_refcnt++;
            ls[sp++] = bc;
            break;
          }

          case Op.STORE_NAME: {
            const name = names[oparg];
            const v = ls[--sp]!;
            const ns = frame.f_locals;
            try {
              if (ns === null) {
                throw PyErr_Format(
                  PyExc_SystemError,
                  `no locals found when storing ${str(PyObject_Repr(name))}`,
                );
              }
              if (ns.ob_type === PyDict_Type) PyDict_SetItem(ns, name, v);
              else PyObject_SetItem(ns, name, v);
            } finally {
              Py_DECREF(v);
            }
            break;
          }

          case Op.DELETE_NAME: {
            const name = names[oparg];
            const ns = frame.f_locals;
            if (ns === null) throw PyErr_Format(PyExc_SystemError, "no locals when deleting");
            try {
              PyObject_DelItem(ns, name);
            } catch (e) {
              if (e instanceof PyObject) Py_DECREF(e);
              throw nameError(name);
            }
            break;
          }

          case Op.UNPACK_SEQUENCE: {
            const seq = ls[--sp]!;
            if (seq.ob_type === PyTuple_Type || seq.ob_type === PyList_Type) {
              const items = seq.ob_item as PyObject[];
              if (items.length === oparg) {
                for (let i = oparg - 1; i >= 0; i--) {
                  const it = items[i];
                  it.ob_refcnt++;
                  ls[sp++] = it;
                }
                Py_DECREF(seq);
                next_instr += 1;
                break;
              }
            }
            try {
              unpackIterable(seq, oparg, -1, ls, sp);
            } finally {
              Py_DECREF(seq);
            }
            sp += oparg;
            next_instr += 1;
            break;
          }

          case Op.UNPACK_EX: {
            const totalargs = 1 + (oparg & 0xff) + (oparg >> 8);
            const seq = ls[--sp]!;
            try {
              unpackIterable(seq, oparg & 0xff, oparg >> 8, ls, sp);
            } finally {
              Py_DECREF(seq);
            }
            sp += totalargs;
            break;
          }

          case Op.STORE_ATTR: {
            const name = names[oparg];
            const owner = ls[sp - 1]!;
            const v = ls[sp - 2]!;
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

          case Op.DELETE_ATTR: {
            const name = names[oparg];
            const owner = ls[--sp]!;
            try {
              PyObject_SetAttr(owner, name, null);
            } finally {
              Py_DECREF(owner);
            }
            break;
          }

          case Op.STORE_GLOBAL: {
            const name = names[oparg];
            const v = ls[--sp]!;
            try {
              PyDict_SetItem(frame.f_globals, name, v);
            } finally {
              Py_DECREF(v);
            }
            break;
          }

          case Op.DELETE_GLOBAL: {
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
            break;
          }

          case Op.LOAD_NAME: {
            const name = names[oparg];
            const v = loadName(frame, name); // sp moves only once it succeeded
            ls[sp++] = v;
            break;
          }

          case Op.LOAD_GLOBAL: {
            const name = names[oparg >> 1];
            const globals = frame.f_globals, builtins = frame.f_builtins;
            let v: PyObject | null;
            if (globals.ob_type === PyDict_Type && builtins.ob_type === PyDict_Type) {
              v = _PyDict_LoadGlobal(globals, builtins, name);
              if (v === null) throw nameError(name);
              v.ob_refcnt++;
            } else {
              v = loadGlobalSlow(globals, builtins, name);
            }
            if (oparg & 1) ls[sp++] = null;
            ls[sp++] = v;
            next_instr += 5;
            break;
          }

          case Op.DELETE_FAST: {
            const v = ls[base + oparg];
            if (v === null) throw unboundLocal(co, oparg);
            ls[base + oparg] = null;
            Py_DECREF(v);
            break;
          }

          case Op.MAKE_CELL: {
            const initial = ls[base + oparg];
            const cell = PyCell_New(initial);
            ls[base + oparg] = cell;
            Py_XDECREF(initial);
            break;
          }

          case Op.DELETE_DEREF: {
            const cell = ls[base + oparg]!;
            const oldobj = PyCell_GET(cell);
            if (oldobj === null) throw unboundDeref(co, oparg);
            cell.ob_dict = null;
            Py_DECREF(oldobj);
            break;
          }

          case Op.LOAD_CLASSDEREF: {
            const name = (co.co_localsplusnames.ob_item as PyObject[])[oparg];
            const locals = frame.f_locals!;
            let value: PyObject | null;
            if (locals.ob_type === PyDict_Type) {
              value = PyDict_GetItemWithError(locals, name);
              if (value !== null) value.ob_refcnt++;
            } else {
              value = getItemOrNull(locals, name);
            }
            if (value === null) {
              const cell = ls[base + oparg]!;
              value = PyCell_GET(cell);
              if (value === null) throw unboundDeref(co, oparg);
              value.ob_refcnt++;
            }
            ls[sp++] = value;
            break;
          }

          case Op.LOAD_DEREF: {
            const cell = ls[base + oparg]!;
            const value = cell.ob_dict;
            if (value === null) throw unboundDeref(co, oparg);
            value.ob_refcnt++;
            ls[sp++] = value;
            break;
          }

          case Op.STORE_DEREF: {
            const v = ls[--sp];
            const cell = ls[base + oparg]!;
            const oldobj = cell.ob_dict;
            cell.ob_dict = v;
            Py_XDECREF(oldobj);
            break;
          }

          case Op.COPY_FREE_VARS: {
            const closure = funcData(frame.f_func).closure!.ob_item as PyObject[];
            const offset = base + co.co_nlocals + co.co_nplaincellvars;
            for (let i = 0; i < oparg; i++) {
              const o = closure[i];
              o.ob_refcnt++;
              ls[offset + i] = o;
            }
            break;
          }

          case Op.BUILD_STRING: {
            let s = "";
            for (let i = sp - oparg; i < sp; i++) s += (ls[i] as PyUnicodeObject).ob_val;
            const res = PyUnicode_FromString(s);
            while (--oparg >= 0) Py_DECREF(ls[--sp]!);
            ls[sp++] = res;
            break;
          }

          case Op.BUILD_TUPLE: {
            const items: PyObject[] = new Array(oparg);
            for (let i = oparg - 1; i >= 0; i--) items[i] = ls[--sp]!;
            ls[sp++] = PyTuple_FromArraySteal(items);
            break;
          }

          case Op.BUILD_LIST: {
            const items: PyObject[] = new Array(oparg);
            for (let i = oparg - 1; i >= 0; i--) items[i] = ls[--sp]!;
            ls[sp++] = PyList_FromArraySteal(items);
            break;
          }

          case Op.LIST_TO_TUPLE: {
            const list = ls[--sp]!;
            const tuple = PyList_AsTuple(list);
            Py_DECREF(list);
            ls[sp++] = tuple;
            break;
          }

          case Op.LIST_EXTEND: {
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
            break;
          }

          case Op.SET_UPDATE: {
            const iterable = ls[--sp]!;
            const set = ls[sp - oparg]!;
            try {
              set_update_internal(set, iterable);
            } finally {
              Py_DECREF(iterable);
            }
            break;
          }

          case Op.BUILD_SET: {
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
            break;
          }

          case Op.BUILD_MAP: {
            const map = _PyDict_NewPresized(oparg);
            try {
              for (let i = 0; i < oparg; i++) {
                PyDict_SetItem(map, ls[sp - 2 * oparg + 2 * i]!, ls[sp - 2 * oparg + 2 * i + 1]!);
              }
            } catch (e) {
              Py_DECREF(map);
              throw e;
            }
            for (let i = 0; i < 2 * oparg; i++) Py_DECREF(ls[--sp]!);
            ls[sp++] = map;
            break;
          }

          case Op.SETUP_ANNOTATIONS: {
            setupAnnotations(frame);
            break;
          }

          case Op.BUILD_CONST_KEY_MAP: {
            const keys = ls[sp - 1]!;
            if (keys.ob_type !== PyTuple_Type || keys.ob_item!.length !== oparg) {
              throw PyErr_Format(PyExc_SystemError, "bad BUILD_CONST_KEY_MAP keys argument");
            }
            const map = _PyDict_NewPresized(oparg);
            const kitems = keys.ob_item as PyObject[];
            try {
              for (let i = 0; i < oparg; i++) {
                PyDict_SetItem(map, kitems[i], ls[sp - 1 - oparg + i]!);
              }
            } catch (e) {
              Py_DECREF(map);
              throw e;
            }
            Py_DECREF(ls[--sp]!);
            for (let i = 0; i < oparg; i++) Py_DECREF(ls[--sp]!);
            ls[sp++] = map;
            break;
          }

          case Op.DICT_UPDATE: {
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
            break;
          }

          case Op.DICT_MERGE: {
            const update = ls[--sp]!;
            const dict = ls[sp - oparg]!;
            try {
              dictMergeKwargs(dict, update, ls[sp - 2 - oparg]!);
            } finally {
              Py_DECREF(update);
            }
            break;
          }

          case Op.MAP_ADD: {
            const value = ls[--sp]!;
            const key = ls[--sp]!;
            const map = ls[sp - oparg]!;
            _PyDict_SetItem_Take2(map, key, value);
            break;
          }

          case Op.LOAD_ATTR: {
            const name = names[oparg];
            const owner = ls[sp - 1]!;
            const res = PyObject_GetAttr(owner, name);
            if (--owner.ob_refcnt === 0) owner.ob_type.tp_dealloc!(owner);
            ls[sp - 1] = res;
            next_instr += 4;
            break;
          }

          case Op.COMPARE_OP: {
            const right = ls[--sp]!;
            const left = ls[sp - 1]!;
            let res: PyObject;
            if (
              left.ob_type === PyLong_Type && right.ob_type === PyLong_Type
            ) {
              const c = compareValues(
                left.ob_val as number | bigint,
                right.ob_val as number | bigint,
              );
              const r = oparg === 0
                ? c < 0
                : oparg === 1
                ? c <= 0
                : oparg === 2
                ? c === 0
                : oparg === 3
                ? c !== 0
                : oparg === 4
                ? c > 0
                : c >= 0;
              res = r ? Py_True : Py_False;
              res.ob_refcnt++;
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
            if (--left.ob_refcnt === 0) left.ob_type.tp_dealloc!(left);
            if (--right.ob_refcnt === 0) right.ob_type.tp_dealloc!(right);
            next_instr += 2;
            break;
          }

          case Op.IS_OP: {
            const right = ls[--sp]!;
            const left = ls[sp - 1]!;
            const res = (left === right) !== (oparg === 1);
            const b = res ? Py_True : Py_False;
            b.ob_refcnt++;
            ls[sp - 1] = b;
            Py_DECREF(left);
            Py_DECREF(right);
            break;
          }

          case Op.CONTAINS_OP: {
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
            b.ob_refcnt++;
            ls[sp++] = b;
            break;
          }

          case Op.CHECK_EG_MATCH: {
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
              match.ob_refcnt++;
              const info = tstate.exc_info;
              const old = info.exc_value;
              info.exc_value = match;
              Py_XDECREF(old);
              Py_DECREF(excValue);
            }
            break;
          }

          case Op.CHECK_EXC_MATCH: {
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
            b.ob_refcnt++;
            ls[sp++] = b;
            break;
          }

          case Op.IMPORT_NAME: {
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
            break;
          }

          case Op.IMPORT_STAR: {
            const from = ls[--sp]!;
            try {
              const locals = fastToLocals(frame);
              importAllFrom(locals, from);
            } finally {
              Py_DECREF(from);
            }
            break;
          }

          case Op.IMPORT_FROM: {
            const name = names[oparg];
            const from = ls[sp - 1]!;
            const v = importFrom(from, name); // sp moves only once it succeeded
            ls[sp++] = v;
            break;
          }

          case Op.JUMP_FORWARD:
            next_instr += oparg;
            break;

          case Op.JUMP_BACKWARD:
            next_instr -= oparg;
            if (interrupt !== null && interrupt[0] !== 0) handleEvalBreaker();
            break;

          case Op.JUMP_BACKWARD_NO_INTERRUPT:
            next_instr -= oparg;
            break;

          case Op.POP_JUMP_FORWARD_IF_FALSE:
          case Op.POP_JUMP_BACKWARD_IF_FALSE: {
            const cond = ls[--sp]!;
            let jump: boolean;
            if (cond === Py_True) {
              cond.ob_refcnt--;
              jump = false;
            } else if (cond === Py_False) {
              cond.ob_refcnt--;
              jump = true;
            } else {
              try {
                jump = !PyObject_IsTrue(cond);
              } finally {
                Py_DECREF(cond);
              }
            }
            if (jump) {
              if (opcode === Op.POP_JUMP_FORWARD_IF_FALSE) next_instr += oparg;
              else {
                next_instr -= oparg;
                if (interrupt !== null && interrupt[0] !== 0) handleEvalBreaker();
              }
            }
            break;
          }

          case Op.POP_JUMP_FORWARD_IF_TRUE:
          case Op.POP_JUMP_BACKWARD_IF_TRUE: {
            const cond = ls[--sp]!;
            let jump: boolean;
            if (cond === Py_False) {
              cond.ob_refcnt--;
              jump = false;
            } else if (cond === Py_True) {
              cond.ob_refcnt--;
              jump = true;
            } else {
              try {
                jump = PyObject_IsTrue(cond);
              } finally {
                Py_DECREF(cond);
              }
            }
            if (jump) {
              if (opcode === Op.POP_JUMP_FORWARD_IF_TRUE) next_instr += oparg;
              else {
                next_instr -= oparg;
                if (interrupt !== null && interrupt[0] !== 0) handleEvalBreaker();
              }
            }
            break;
          }

          case Op.POP_JUMP_FORWARD_IF_NOT_NONE:
          case Op.POP_JUMP_BACKWARD_IF_NOT_NONE: {
            const value = ls[--sp]!;
            if (value !== Py_None) {
              Py_DECREF(value);
              if (opcode === Op.POP_JUMP_FORWARD_IF_NOT_NONE) next_instr += oparg;
              else {
                next_instr -= oparg;
                if (interrupt !== null && interrupt[0] !== 0) handleEvalBreaker();
              }
            } else {
              value.ob_refcnt--;
            }
            break;
          }

          case Op.POP_JUMP_FORWARD_IF_NONE:
          case Op.POP_JUMP_BACKWARD_IF_NONE: {
            const value = ls[--sp]!;
            if (value === Py_None) {
              value.ob_refcnt--;
              if (opcode === Op.POP_JUMP_FORWARD_IF_NONE) next_instr += oparg;
              else {
                next_instr -= oparg;
                if (interrupt !== null && interrupt[0] !== 0) handleEvalBreaker();
              }
            } else {
              Py_DECREF(value);
            }
            break;
          }

          case Op.JUMP_IF_FALSE_OR_POP: {
            const cond = ls[sp - 1]!;
            if (cond === Py_True) {
              sp--;
              cond.ob_refcnt--;
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

          case Op.JUMP_IF_TRUE_OR_POP: {
            const cond = ls[sp - 1]!;
            if (cond === Py_False) {
              sp--;
              cond.ob_refcnt--;
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

          case Op.GET_LEN: {
            const len = PyObject_Size(ls[sp - 1]!);
            ls[sp++] = PyLong_FromNumber(len);
            break;
          }

          case Op.MATCH_CLASS: {
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
              Py_None.ob_refcnt++;
              ls[sp - 1] = Py_None;
            }
            Py_DECREF(subject);
            break;
          }

          case Op.MATCH_MAPPING: {
            const subject = ls[sp - 1]!;
            const b = subject.ob_type.tp_flags & Py_TPFLAGS_MAPPING ? Py_True : Py_False;
            b.ob_refcnt++;
            ls[sp++] = b;
            break;
          }

          case Op.MATCH_SEQUENCE: {
            const subject = ls[sp - 1]!;
            const b = subject.ob_type.tp_flags & Py_TPFLAGS_SEQUENCE ? Py_True : Py_False;
            b.ob_refcnt++;
            ls[sp++] = b;
            break;
          }

          case Op.MATCH_KEYS: {
            const keys = ls[sp - 1]!;
            const subject = ls[sp - 2]!;
            const values = matchKeys(subject, keys); // sp moves only once it succeeded
            ls[sp++] = values;
            break;
          }

          case Op.GET_ITER: {
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
            break;
          }

          case Op.GET_YIELD_FROM_ITER: {
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
            break;
          }

          case Op.FOR_ITER: {
            const iter = ls[sp - 1]!;
            const t = iter.ob_type;
            let next: PyObject | null;
            if (t === PyRangeIter_Type) {
              next = rangeiter_next(iter);
            } else if (t === PyListIter_Type) {
              next = listiter_next(iter);
            } else {
              next = iterNextCatching(iter);
            }
            if (next !== null) {
              ls[sp++] = next;
              break;
            }
            sp--;
            Py_DECREF(iter);
            next_instr += oparg;
            break;
          }

          case Op.BEFORE_WITH: {
            const mgr = ls[sp - 1]!;
            const [enter, enterUnbound] = lookupSpecial(mgr, "__enter__");
            if (enter === null) {
              throw PyErr_Format(
                PyExc_TypeError,
                `'${mgr.ob_type.tp_name}' object does not support the context manager protocol`,
              );
            }
            const [exit, exitUnbound] = lookupSpecial(mgr, "__exit__");
            if (exit === null) {
              Py_DECREF(enter);
              throw PyErr_Format(
                PyExc_TypeError,
                `'${mgr.ob_type.tp_name}' object does not support the context manager protocol (missed __exit__ method)`,
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
            break;
          }

          case Op.WITH_EXCEPT_START: {
            const val = ls[sp - 1]!;
            const exc = val.ob_type;
            const tb = excData(val).traceback ?? Py_None;
            const exitFunc = ls[sp - 4]!;
            const res = PyObject_Vectorcall(exitFunc, [exc, val, tb], 0, 3, null);
            ls[sp++] = res;
            break;
          }

          case Op.PUSH_EXC_INFO: {
            const value = ls[sp - 1]!;
            const excInfo = tstate.exc_info;
            if (excInfo.exc_value !== null) {
              ls[sp - 1] = excInfo.exc_value;
            } else {
              Py_None.ob_refcnt++;
              ls[sp - 1] = Py_None;
            }
            value.ob_refcnt++;
            ls[sp++] = value;
            excInfo.exc_value = value;
            break;
          }

          case Op.LOAD_METHOD: {
            const name = names[oparg];
            const obj = ls[sp - 1]!;
            const methFound = _PyObject_GetMethod(obj, name);
            const meth = methodOut.meth!;
            methodOut.meth = null;
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

          case Op.PRECALL: {
            const isMeth = ls[sp - oparg - 2] !== null;
            const nargs = oparg + (isMeth ? 1 : 0);
            const fn = ls[sp - nargs - 1]!;
            if (!isMeth && fn.ob_type === PyMethod_Type) {
              const meth = fn.ob_item![0]!;
              const self = fn.ob_item![1]!;
              meth.ob_refcnt++;
              self.ob_refcnt++;
              ls[sp - oparg - 1] = self;
              ls[sp - oparg - 2] = meth;
              Py_DECREF(fn);
            }
            next_instr += 1;
            break;
          }

          case Op.KW_NAMES:
            kwnames = consts[oparg];
            break;

          case Op.CALL: {
            const isMeth = ls[sp - oparg - 2] !== null;
            const totalArgs = oparg + (isMeth ? 1 : 0);
            const fn = ls[sp - totalArgs - 1]!;
            const nkw = kwnames === null ? 0 : kwnames.ob_item!.length;
            const positional = totalArgs - nkw;
            if (fn.ob_type === PyFunction_Type) {
              const fd = funcData(fn);
              const fco = codeData(fd.code);
              const locals = fco.co_flags & CO.OPTIMIZED ? null : fd.globals;
              const argsAt = sp - totalArgs;
              sp -= totalArgs;
              const kw = kwnames;
              kwnames = null;
              sp -= isMeth ? 1 : 2;
              frame.sp = sp;
              frame.prev_instr = next_instr + 3;
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
              newFrame.previous = frame;
              frame = newFrame;
              vmstack.current = frame;
              if (--tstate.recursion_remaining < 0) {
                try {
                  checkRecursiveCall("");
                } catch (e) {
                  // exit_unwind of the new frame: pop it, and raise in the caller.
                  tstate.recursion_remaining--;
                  tstate.recursion_remaining++;
                  const dying = frame;
                  frame = dying.previous!;
                  vmstack.current = frame;
                  clearAndPopFrame(dying);
                  pending = e as PyObject;
                  continue resume;
                }
              }
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
              if (--a.ob_refcnt === 0) a.ob_type.tp_dealloc!(a);
            }
            sp -= isMeth ? 1 : 2;
            ls[sp++] = res;
            next_instr += 4;
            if (interrupt !== null && interrupt[0] !== 0) handleEvalBreaker();
            break;
          }

          case Op.CALL_FUNCTION_EX: {
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

          case Op.MAKE_FUNCTION: {
            const codeobj = ls[--sp]!;
            const func = PyFunction_New(codeobj, frame.f_globals);
            Py_DECREF(codeobj);
            const fd = funcData(func);
            if (oparg & 0x08) fd.closure = ls[--sp];
            if (oparg & 0x04) fd.annotations = ls[--sp];
            if (oparg & 0x02) fd.kwdefaults = ls[--sp];
            if (oparg & 0x01) fd.defaults = ls[--sp];
            ls[sp++] = func;
            break;
          }

          case Op.RETURN_GENERATOR: {
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
            frame.f_func.ob_refcnt++;
            frame.f_code.ob_refcnt++;
            vmstack.current = frame.previous;
            return gen;
          }

          case Op.BUILD_SLICE: {
            const step = oparg === 3 ? ls[--sp]! : null;
            const stop = ls[--sp]!;
            const start = ls[sp - 1]!;
            const slice = PySlice_New(start, stop, step);
            Py_DECREF(start);
            Py_DECREF(stop);
            Py_XDECREF(step);
            ls[sp - 1] = slice;
            break;
          }

          case Op.FORMAT_VALUE: {
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
            break;
          }

          case Op.COPY: {
            const peek = ls[sp - oparg]!;
            peek.ob_refcnt++;
            ls[sp++] = peek;
            break;
          }

          case Op.SWAP: {
            const top = ls[sp - 1];
            ls[sp - 1] = ls[sp - oparg];
            ls[sp - oparg] = top;
            break;
          }

          case Op.CACHE:
            throw PyErr_Format(PyExc_SystemError, "executed a CACHE entry");

          default:
            throw PyErr_Format(PyExc_SystemError, `unknown opcode ${opcode}`);
        }
      }
    } catch (e) {
      // ---- error: and exception_unwind: ----
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

function subscrSlow(container: PyObject, sub: PyObject, _sp: number): PyObject {
  return PyObject_GetItem(container, sub);
}

function getItemOrNull(mapping: PyObject, key: PyObject): PyObject | null {
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

function loadName(frame: Frame, name: PyObject): PyObject {
  const locals = frame.f_locals;
  if (locals === null) {
    throw PyErr_Format(PyExc_SystemError, `no locals when loading '${str(name)}'`);
  }
  let v: PyObject | null;
  if (locals.ob_type === PyDict_Type) {
    v = PyDict_GetItemWithError(locals, name);
    if (v !== null) {
      v.ob_refcnt++;
      return v;
    }
  } else {
    v = getItemOrNull(locals, name);
    if (v !== null) return v;
  }
  v = PyDict_GetItemWithError(frame.f_globals, name);
  if (v !== null) {
    v.ob_refcnt++;
    return v;
  }
  const builtins = frame.f_builtins;
  if (builtins.ob_type === PyDict_Type) {
    v = PyDict_GetItemWithError(builtins, name);
    if (v === null) throw nameError(name);
    v.ob_refcnt++;
    return v;
  }
  v = getItemOrNull(builtins, name);
  if (v === null) throw nameError(name);
  return v;
}

function loadGlobalSlow(globals: PyObject, builtins: PyObject, name: PyObject): PyObject {
  const v = getItemOrNull(globals, name);
  if (v !== null) return v;
  const b = getItemOrNull(builtins, name);
  if (b === null) throw nameError(name);
  return b;
}

/** tp_iternext with a Python-level StopIteration counted as the end (FOR_ITER). */
function iterNextCatching(iter: PyObject): PyObject | null {
  const f = iter.ob_type.tp_iternext;
  if (f === null) {
    throw PyErr_Format(PyExc_TypeError, `'${iter.ob_type.tp_name}' object is not an iterator`);
  }
  try {
    return f(iter);
  } catch (e) {
    if (e instanceof PyObject && PyType_IsSubtype(e.ob_type, PyExc_StopIteration)) {
      Py_DECREF(e);
      return null;
    }
    throw e;
  }
}

/** unpack_iterable: pushes argcnt items (and a list and argcntafter items) below sp. */
function unpackIterable(
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
function doRaise(exc: PyObject | null, cause: PyObject | null): PyObject {
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
    value.ob_refcnt++;
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
function checkExceptTypeValid(right: PyObject): void {
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
function lookupSpecial(obj: PyObject, name: string): [PyObject | null, boolean] {
  return lookupMaybeMethod(obj, _Py_ID(name));
}

/** Binds an unbound special method to obj (the stack holds bound __exit__). */
function bindSpecial(meth: PyObject, unbound: boolean, obj: PyObject): PyObject {
  if (!unbound) return meth;
  const f = meth.ob_type.tp_descr_get;
  if (f === null) return meth;
  const bound = f(meth, obj, obj.ob_type);
  Py_DECREF(meth);
  return bound;
}

function setupAnnotations(frame: Frame): void {
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
function dictUpdateArg(dict: PyObject, update: PyObject): void {
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
function dictMergeKwargs(dict: PyObject, update: PyObject, func: PyObject): void {
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

function kwargsError(e: unknown, func: PyObject, update: PyObject): unknown {
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
function checkArgsIterable(func: PyObject, args: PyObject): void {
  if (args.ob_type.tp_iter === null && !PySequence_Check(args)) {
    throw PyErr_Format(
      PyExc_TypeError,
      `${funcStr(func)} argument after * must be an iterable, not ${args.ob_type.tp_name}`,
    );
  }
}

/** PRINT_EXPR: sys.displayhook(value). */
function printExpr(value: PyObject): void {
  const hook = hostState.displayhook();
  if (hook === null) throw PyErr_Format(PyExc_RuntimeError, "lost sys.displayhook");
  const res = PyObject_CallOneArg(hook, value);
  Py_DECREF(res);
}

/** The result of SEND when the receiver returned. */
const sendResult: { value: PyObject } = { value: Py_None };

/** PyIter_Send: the next value, or null with sendResult.value the return value. */
function iterSend(receiver: PyObject, v: PyObject): PyObject | null {
  if (receiver.ob_type === PyGen_Type || receiver.ob_type === PyCoro_Type) {
    return genSendValue(receiver, v);
  }
  try {
    if (v === Py_None && receiver.ob_type.tp_iternext !== null) {
      const r = receiver.ob_type.tp_iternext(receiver);
      if (r !== null) return r;
      Py_None.ob_refcnt++;
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
      value.ob_refcnt++;
      Py_DECREF(e);
      sendResult.value = value;
      return null;
    }
    throw e;
  }
}

import { genSend } from "./genobject.ts";
function genSendValue(gen: PyObject, v: PyObject): PyObject | null {
  const [kind, value] = genSend(gen, v);
  if (kind === "next") return value;
  sendResult.value = value;
  return null;
}

function asyncOp(
  op: number,
  _oparg: number,
  _ls: (PyObject | null)[],
  _sp: number,
  _frame: Frame,
): number {
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
