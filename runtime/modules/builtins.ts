// The builtins module (Python/bltinmodule.c): the built-in functions, the built-in types
// and exceptions by name, None/True/False/Ellipsis/NotImplemented and __debug__.

import {
  METH_FASTCALL,
  METH_KEYWORDS,
  METH_NO_RECURSION_CHECK,
  METH_NOARGS,
  METH_O,
  METH_VARARGS,
  Py_DECREF,
  Py_Ellipsis,
  Py_False,
  Py_INCREF,
  Py_None,
  Py_NotImplemented,
  Py_True,
  Py_XDECREF,
  PyBaseObject_Type,
  PyBool_Type,
  PyByteArray_Type,
  PyBytes_Type,
  PyClassMethod_Type,
  PyComplex_Type,
  PyDict_Type,
  PyEnum_Type,
  PyFilter_Type,
  PyFloat_Type,
  PyFrozenSet_Type,
  PyFunction_Type,
  PyList_Type,
  PyLong_Type,
  PyMap_Type,
  PyMemoryView_Type,
  type PyMethodDef,
  PyObject,
  PyProperty_Type,
  PyRange_Type,
  PyReversed_Type,
  PySet_Type,
  PySlice_Type,
  PyStaticMethod_Type,
  PySuper_Type,
  PyTuple_Type,
  PyType_Type,
  type PyTypeObject,
  PyUnicode_Type,
  PyZip_Type,
} from "../objects/object.ts";
import { isPyErr, PyErr_Format, PyErr_FromJS, setHostRaise } from "../objects/errors.ts";
import {
  BaseException_new_from_args,
  builtinExceptions,
  PyExc_AttributeError,
  PyExc_EOFError,
  PyExc_KeyboardInterrupt,
  PyExc_RuntimeError,
  PyExc_StopIteration,
  PyExc_SystemError,
  PyExc_TypeError,
  PyExc_ValueError,
} from "../objects/exceptions.ts";
import { PyModule_GetDict, PyModule_NewBuiltin } from "../objects/moduleobject.ts";
import { PyCFunction_New } from "../objects/methodobject.ts";
import {
  _PyDict_Pop,
  dictGetStr,
  PyDict_Check,
  PyDict_GetItemWithError,
  PyDict_New,
  PyDict_SetItem,
  PyDict_SetItemString,
} from "../objects/dictobject.ts";
import {
  _Py_ID,
  PyUnicode_Check,
  PyUnicode_FromString,
  PyUnicode_InternFromString,
  unicode_empty,
} from "../objects/unicodeobject.ts";
import {
  PyTuple_CheckExact,
  PyTuple_FromArray,
  PyTuple_FromArraySteal,
  tuple_empty,
} from "../objects/tupleobject.ts";
import {
  longFormatBinary,
  longValue,
  PyLong_Check,
  PyLong_FromNumber,
  PyLong_FromValue,
} from "../objects/longobject.ts";
import { PyFloat_FromDouble } from "../objects/floatobject.ts";
import {
  _PyObject_LookupAttr,
  Py_EnterRecursiveCall,
  Py_LeaveRecursiveCall,
  PyObject_ASCII,
  PyObject_GetAttr,
  PyObject_Hash,
  PyObject_IsTrue,
  PyObject_Repr,
  PyObject_RichCompareBool,
  PyObject_SetAttr,
  PyObject_Str,
  str,
} from "../objects/objectops.ts";
import {
  PyIter_Check,
  PyIter_Next,
  PyNumber_Absolute,
  PyNumber_Add,
  PyNumber_Divmod,
  PyNumber_Index,
  PyNumber_Power,
  PyObject_Format,
  PyObject_GetIter,
  PyObject_IsInstance,
  PyObject_IsSubclass,
  PyObject_Size,
  PySequence_List,
} from "../objects/abstract.ts";
import {
  _PyStack_AsDict,
  PyObject_Call,
  PyObject_CallNoArgs,
  PyObject_CallOneArg,
  PyObject_Vectorcall,
} from "../objects/call.ts";
import { badArgument, checkPositional, intArg, unpackKeywords } from "../objects/argparse.ts";
import { PyCallIter_New } from "../objects/iterobject.ts";
import { PyObject_Dir } from "../objects/dir.ts";
import { list_sort_impl } from "../objects/listsort.ts";
import { Hash } from "../objects/pyhash.ts";
import { _PyType_Lookup, calculateMetaclass, hashToInt } from "../objects/typeobject.ts";
import { addressOf } from "../memory/obmalloc.ts";
import { PyCell_Check, PyCell_GET } from "../objects/cellobject.ts";
import { Py_PRINT_RAW, PyFile_WriteObject, PyFile_WriteString } from "../objects/fileobject.ts";
import { codeData, PyCode_Check } from "../objects/codeobject.ts";
import { bytesLike } from "../objects/bytesobject.ts";
import { funcData } from "../objects/funcobject.ts";
import { _PyEval_Vector, PyEval_EvalCode } from "../vm/eval.ts";
import { fastToLocals, vmstack } from "../vm/frame.ts";
import { hostState } from "../vm/hoststate.ts";
import { HostRaise } from "../vm/host.ts";
import { compileSource, runSource } from "../vm/pythonrun.ts";
import { PyCF } from "../compiler/code.ts";
import { compileErrors, compileTree, isAstObject, parseToObject } from "./_ast.ts";
import { decodeSource } from "../compiler/decode.ts";
import { importName } from "../vm/imports.ts";
import { isStandardStream, standardStreamWrite } from "./textio.ts";
import { registerModule } from "./registry.ts";
import { BUILTIN_TEXT_SIGNATURES } from "./builtin_signatures.ts";
import { registerRoots } from "../memory/audit.ts";
import { sysGetObject } from "./sysstate.ts";
import { makeQuitter } from "./sitebuiltins.ts";

type Args = (PyObject | null)[];

function none(): PyObject {
  Py_INCREF(Py_None);
  return Py_None;
}

function bool(v: boolean): PyObject {
  const r = v ? Py_True : Py_False;
  Py_INCREF(r);
  return r;
}

function ref(o: PyObject): PyObject {
  Py_INCREF(o);
  return o;
}

// ---- __build_class__ and __import__ ------------------------------------------------------------

/** update_bases: replaces bases that define __mro_entries__. */
function updateBases(bases: PyObject[]): PyObject[] | null {
  let changed = false;
  const out: PyObject[] = [];
  for (const base of bases) {
    if (base.ob_type === PyType_Type || (base.ob_type.tp_flags & (1 << 31))) {
      out.push(base);
      continue;
    }
    const meth = _PyObject_LookupAttr(base, _Py_ID("__mro_entries__"));
    if (meth === null) {
      out.push(base);
      continue;
    }
    const origTuple = PyTuple_FromArray(bases);
    let entries: PyObject;
    try {
      entries = PyObject_CallOneArg(meth, origTuple);
    } finally {
      Py_DECREF(origTuple);
      Py_DECREF(meth);
    }
    if (entries.ob_type !== PyTuple_Type && !(entries.ob_type.tp_flags & (1 << 26))) {
      Py_DECREF(entries);
      throw PyErr_Format(PyExc_TypeError, "__mro_entries__ must return a tuple");
    }
    for (const e of entries.ob_item as PyObject[]) out.push(e);
    Py_DECREF(entries);
    changed = true;
  }
  return changed ? out : null;
}

function builtin___build_class__(
  _self: PyObject,
  args: Args,
  off: number,
  nargs: number,
  kwnames: PyObject | null,
): PyObject {
  if (nargs < 2) throw PyErr_Format(PyExc_TypeError, "__build_class__: not enough arguments");
  const func = args[off]!;
  if (func.ob_type !== PyFunction_Type) {
    throw PyErr_Format(PyExc_TypeError, "__build_class__: func must be a function");
  }
  const name = args[off + 1]!;
  if (!PyUnicode_Check(name)) {
    throw PyErr_Format(PyExc_TypeError, "__build_class__: name is not a string");
  }
  const origItems = args.slice(off + 2, off + nargs) as PyObject[];
  const origBases = PyTuple_FromArray(origItems);
  let bases = origBases;
  let meta: PyObject | null = null;
  let mkw: PyObject | null = null;
  let ns: PyObject | null = null;
  let cell: PyObject | null = null;
  try {
    const updated = updateBases(origItems);
    if (updated !== null) bases = PyTuple_FromArray(updated);
    let isclass = false;
    if (kwnames !== null) {
      mkw = _PyStack_AsDict(args, off + nargs, kwnames);
      meta = PyDict_GetItemWithError(mkw, _Py_ID("metaclass"));
      if (meta !== null) {
        Py_INCREF(meta);
        Py_DECREF(_PyDict_Pop(mkw, _Py_ID("metaclass"), null));
        isclass = meta.ob_type === PyType_Type || (meta.ob_type.tp_flags & (1 << 31)) !== 0;
      }
    }
    const baseItems = bases.ob_item as PyObject[];
    if (meta === null) {
      meta = baseItems.length === 0 ? PyType_Type : baseItems[0].ob_type;
      Py_INCREF(meta);
      isclass = true;
    }
    if (isclass) {
      const winner = calculateMetaclass(meta as PyTypeObject, baseItems);
      if (winner !== meta) {
        Py_DECREF(meta);
        meta = winner;
        Py_INCREF(meta);
      }
    }
    const prep = _PyObject_LookupAttr(meta, _Py_ID("__prepare__"));
    if (prep === null) {
      ns = PyDict_New();
    } else {
      try {
        ns = callWithDict(prep, [name, bases], mkw);
      } finally {
        Py_DECREF(prep);
      }
    }
    if (!isMapping(ns)) {
      throw PyErr_Format(
        PyExc_TypeError,
        `${
          isclass ? (meta as PyTypeObject).tp_name : "<metaclass>"
        }.__prepare__() must return a mapping, not ${ns.ob_type.tp_name}`,
      );
    }
    cell = _PyEval_Vector(func, ns, [], 0, 0, null);
    if (bases !== origBases) {
      const key = PyUnicode_FromString("__orig_bases__");
      try {
        setItem(ns, key, origBases);
      } finally {
        Py_DECREF(key);
      }
    }
    const cls = callWithDict(meta, [name, bases, ns], mkw);
    if ((cls.ob_type === PyType_Type || (cls.ob_type.tp_flags & (1 << 31))) && PyCell_Check(cell)) {
      const cellCls = PyCell_GET(cell);
      if (cellCls !== cls) {
        Py_DECREF(cls);
        if (cellCls === null) {
          throw PyErr_Format(
            PyExc_RuntimeError,
            `__class__ not set defining ${reprOf(name)} as ${
              reprOf(cls)
            }. Was __classcell__ propagated to type.__new__?`,
          );
        }
        throw PyErr_Format(
          PyExc_TypeError,
          `__class__ set to ${reprOf(cellCls)} defining ${reprOf(name)} as ${reprOf(cls)}`,
        );
      }
    }
    return cls;
  } finally {
    Py_XDECREF(cell);
    Py_XDECREF(ns);
    Py_XDECREF(meta);
    Py_XDECREF(mkw);
    if (bases !== origBases) Py_DECREF(origBases);
    Py_DECREF(bases);
  }
}

function reprOf(o: PyObject): string {
  const r = PyObject_Repr(o);
  const s = str(r);
  Py_DECREF(r);
  return s;
}

function isMapping(o: PyObject): boolean {
  return o.ob_type.mp_subscript !== null;
}

function setItem(o: PyObject, k: PyObject, v: PyObject): void {
  if (PyDict_Check(o)) PyDict_SetItem(o, k, v);
  else {
    const f = o.ob_type.mp_ass_subscript;
    if (f === null) {
      throw PyErr_Format(
        PyExc_TypeError,
        `'${o.ob_type.tp_name}' object does not support item assignment`,
      );
    }
    f(o, k, v);
  }
}

/** PyObject_VectorcallDict: positional arguments and an optional keyword dict. */
function callWithDict(callable: PyObject, pos: PyObject[], kw: PyObject | null): PyObject {
  if (kw === null || kw.ob_size === 0) {
    return PyObject_Vectorcall(callable, pos, 0, pos.length, null);
  }
  const t = PyTuple_FromArray(pos);
  try {
    return PyObject_Call(callable, t, kw);
  } finally {
    Py_DECREF(t);
  }
}

const importParams = ["name", "globals", "locals", "fromlist", "level"] as const;
function builtin___import__(
  _self: PyObject,
  args: Args,
  off: number,
  nargs: number,
  kwnames: PyObject | null,
): PyObject {
  const [name, _globals, _locals, fromlist, level] = unpackKeywords(
    "__import__",
    importParams,
    args,
    off,
    nargs,
    kwnames,
    1,
    5,
    0,
  );
  const frame = vmstack.current;
  const lvl = level === null ? PyLong_FromNumber(0) : ref(level);
  try {
    return importName(frame!, name!, fromlist ?? Py_None, lvl);
  } finally {
    Py_DECREF(lvl);
  }
}

// ---- numbers ---------------------------------------------------------------------------------------

function builtin_abs(_self: PyObject, x: PyObject): PyObject {
  return PyNumber_Absolute(x);
}

function builtin_divmod(_self: PyObject, args: Args, off: number, nargs: number): PyObject {
  checkPositional("divmod", nargs, 2, 2);
  return PyNumber_Divmod(args[off]!, args[off + 1]!);
}

const powParams = ["base", "exp", "mod"] as const;
function builtin_pow(
  _self: PyObject,
  args: Args,
  off: number,
  nargs: number,
  kwnames: PyObject | null,
): PyObject {
  const [base, exp, mod] = unpackKeywords("pow", powParams, args, off, nargs, kwnames, 2, 3, 0);
  return PyNumber_Power(base!, exp!, mod ?? Py_None);
}

function lookupSpecial(o: PyObject, name: PyObject): PyObject | null {
  const res = _PyType_Lookup(o.ob_type, name);
  if (res === null) return null;
  const f = res.ob_type.tp_descr_get;
  if (f === null) return ref(res);
  return f(res, o, o.ob_type);
}

const roundParams = ["number", "ndigits"] as const;
function builtin_round(
  _self: PyObject,
  args: Args,
  off: number,
  nargs: number,
  kwnames: PyObject | null,
): PyObject {
  const [number, ndigits] = unpackKeywords(
    "round",
    roundParams,
    args,
    off,
    nargs,
    kwnames,
    1,
    2,
    0,
  );
  const round = lookupSpecial(number!, _Py_ID("__round__"));
  if (round === null) {
    throw PyErr_Format(
      PyExc_TypeError,
      `type ${number!.ob_type.tp_name} doesn't define __round__ method`,
    );
  }
  try {
    if (ndigits === null || ndigits === Py_None) return PyObject_CallNoArgs(round);
    return PyObject_CallOneArg(round, ndigits);
  } finally {
    Py_DECREF(round);
  }
}

/** PyNumber_ToBase: bin(), oct(), hex(). */
function toBase(x: PyObject, base: number): PyObject {
  const index = PyNumber_Index(x);
  try {
    return PyUnicode_FromString(longFormatBinary(longValue(index), base, true));
  } finally {
    Py_DECREF(index);
  }
}

const sumParams = ["iterable", "start"] as const;
function builtin_sum(
  _self: PyObject,
  args: Args,
  off: number,
  nargs: number,
  kwnames: PyObject | null,
): PyObject {
  const [iterable, start] = unpackKeywords("sum", sumParams, args, off, nargs, kwnames, 1, 2, 0, 1);
  // builtin_sum_impl takes the iterator before it looks at start
  const it = PyObject_GetIter(iterable!);
  let result: PyObject;
  if (start === null) {
    result = PyLong_FromNumber(0);
  } else {
    let refused = "";
    if (PyUnicode_Check(start)) refused = "sum() can't sum strings [use ''.join(seq) instead]";
    else if (start.ob_type === PyBytes_Type || (start.ob_type.tp_flags & (1 << 27))) {
      refused = "sum() can't sum bytes [use b''.join(seq) instead]";
    } else if (start.ob_type === PyByteArray_Type) {
      refused = "sum() can't sum bytearray [use b''.join(seq) instead]";
    }
    if (refused !== "") {
      Py_DECREF(it);
      throw PyErr_Format(PyExc_TypeError, refused);
    }
    result = ref(start);
  }
  // `held` is the reference this function owns (null while a sum is kept as a number)
  let held: PyObject | null = result;
  try {
    // bltinmodule.c's fast paths: while the items are exact ints (or bools) whose sum fits
    // a C long, and then while they are floats (or ints that fit a C long), the sum is kept
    // in a JavaScript number, not in a new object per item.
    if (result.ob_type === PyLong_Type && fitsCLong(result.ob_val as number | bigint)) {
      let acc = result.ob_val as number | bigint;
      held = null;
      Py_DECREF(result);
      let partial: PyObject | null = null;
      while (partial === null) {
        const item = PyIter_Next(it);
        if (item === null) return PyLong_FromValue(acc);
        const t = item.ob_type;
        if (t === PyLong_Type || t === PyBool_Type) {
          const b = item.ob_val as number | bigint;
          if (typeof acc === "number" && typeof b === "number") {
            const s = acc + b;
            if (s <= MAX_SAFE_SUM && s >= -MAX_SAFE_SUM) {
              acc = s;
              Py_DECREF(item);
              continue;
            }
          }
          const s = BigInt(acc) + BigInt(b);
          if (fitsCLong(b) && fitsCLong(s)) {
            acc = s >= -MAX_SAFE_SUM_BIG && s <= MAX_SAFE_SUM_BIG ? Number(s) : s;
            Py_DECREF(item);
            continue;
          }
        }
        // not an int, or the sum overflowed a C long: objects from here on
        partial = addReleasing(PyLong_FromValue(acc), item);
      }
      result = held = partial;
    }
    if (result.ob_type === PyFloat_Type) {
      let f = result.ob_val as number;
      held = null;
      Py_DECREF(result);
      let partial: PyObject | null = null;
      while (partial === null) {
        const item = PyIter_Next(it);
        if (item === null) return PyFloat_FromDouble(f);
        if (item.ob_type === PyFloat_Type) {
          f += item.ob_val as number;
          Py_DECREF(item);
          continue;
        }
        if (PyLong_Check(item)) {
          const v = item.ob_val as number | bigint;
          if (fitsCLong(v)) {
            f += typeof v === "number" ? v : Number(v);
            Py_DECREF(item);
            continue;
          }
        }
        partial = addReleasing(PyFloat_FromDouble(f), item);
      }
      result = held = partial;
    }
    for (;;) {
      const item = PyIter_Next(it);
      if (item === null) return result;
      let r: PyObject;
      try {
        r = PyNumber_Add(result, item);
      } finally {
        held = null;
        Py_DECREF(result);
        Py_DECREF(item);
      }
      result = held = r;
    }
  } catch (e) {
    if (held !== null) Py_DECREF(held);
    throw e;
  } finally {
    Py_DECREF(it);
  }
}

/** total + item, releasing both (sum()'s step from a running number back to objects). */
function addReleasing(total: PyObject, item: PyObject): PyObject {
  try {
    return PyNumber_Add(total, item);
  } finally {
    Py_DECREF(total);
    Py_DECREF(item);
  }
}

/** Whether an int value fits a C long (64-bit), as PyLong_AsLongAndOverflow asks. */
function fitsCLong(v: number | bigint): boolean {
  return typeof v === "number" || (v >= LONG_MIN && v <= LONG_MAX);
}

const LONG_MIN = -(2n ** 63n), LONG_MAX = 2n ** 63n - 1n;

const MAX_SAFE_SUM = Number.MAX_SAFE_INTEGER;
const MAX_SAFE_SUM_BIG = BigInt(Number.MAX_SAFE_INTEGER);

// ---- min and max ---------------------------------------------------------------------------------

function minMax(args: PyObject, kwds: PyObject | null, op: number): PyObject {
  const name = op === 0 ? "min" : "max";
  const items = args.ob_item as PyObject[];
  const positional = items.length > 1;
  let v: PyObject;
  if (positional) v = args;
  else if (items.length === 1) v = items[0];
  else throw PyErr_Format(PyExc_TypeError, `${name} expected at least 1 argument, got 0`);
  let keyfunc: PyObject | null = null;
  let defaultval: PyObject | null = null;
  if (kwds !== null) {
    const kwItems: [PyObject, PyObject][] = [];
    const { dictForEach } = dictApi;
    dictForEach(kwds, (k, val) => kwItems.push([k, val]));
    for (const [k, val] of kwItems) {
      const key = str(k);
      if (key === "key") keyfunc = val;
      else if (key === "default") defaultval = val;
      else {
        throw PyErr_Format(
          PyExc_TypeError,
          `'${key}' is an invalid keyword argument for ${name}()`,
        );
      }
    }
  }
  if (positional && defaultval !== null) {
    throw PyErr_Format(
      PyExc_TypeError,
      `Cannot specify a default for ${name}() with multiple positional arguments`,
    );
  }
  const it = PyObject_GetIter(v);
  if (keyfunc === Py_None) keyfunc = null;
  let maxitem: PyObject | null = null;
  let maxval: PyObject | null = null;
  try {
    for (;;) {
      const item = PyIter_Next(it);
      if (item === null) break;
      let val: PyObject;
      if (keyfunc !== null) {
        try {
          val = PyObject_CallOneArg(keyfunc, item);
        } catch (e) {
          Py_DECREF(item);
          throw e;
        }
      } else {
        val = ref(item);
      }
      if (maxval === null) {
        maxitem = item;
        maxval = val;
        continue;
      }
      let cmp: boolean;
      try {
        cmp = PyObject_RichCompareBool(val, maxval, op === 0 ? 0 : 4);
      } catch (e) {
        Py_DECREF(item);
        Py_DECREF(val);
        throw e;
      }
      if (cmp) {
        Py_DECREF(maxval);
        Py_DECREF(maxitem!);
        maxval = val;
        maxitem = item;
      } else {
        Py_DECREF(item);
        Py_DECREF(val);
      }
    }
  } catch (e) {
    Py_XDECREF(maxval);
    Py_XDECREF(maxitem);
    Py_DECREF(it);
    throw e;
  }
  Py_DECREF(it);
  if (maxval === null) {
    if (defaultval !== null) return ref(defaultval);
    throw PyErr_Format(PyExc_ValueError, `${name}() arg is an empty sequence`);
  }
  Py_DECREF(maxval);
  return maxitem!;
}

import * as dictApi from "../objects/dictobject.ts";

// ---- objects and attributes -----------------------------------------------------------------------

function builtin_callable(_self: PyObject, o: PyObject): PyObject {
  return bool(o.ob_type.tp_call !== null);
}

function builtin_len(_self: PyObject, o: PyObject): PyObject {
  return PyLong_FromNumber(PyObject_Size(o));
}

function builtin_id(_self: PyObject, o: PyObject): PyObject {
  return PyLong_FromNumber(addressOf(o.ob_id));
}

function builtin_hash(_self: PyObject, o: PyObject): PyObject {
  const lo = PyObject_Hash(o);
  const hi = Hash.hi;
  // a hash that fits in 32 bits needs no bigint
  if ((hi === 0 && lo >= 0) || (hi === -1 && lo < 0)) return PyLong_FromNumber(lo);
  return hashToInt(lo, hi);
}

function builtin_repr(_self: PyObject, o: PyObject): PyObject {
  return PyObject_Repr(o);
}

function builtin_ascii(_self: PyObject, o: PyObject): PyObject {
  return PyObject_ASCII(o);
}

function builtin_format(_self: PyObject, args: Args, off: number, nargs: number): PyObject {
  checkPositional("format", nargs, 1, 2);
  const spec = nargs === 2 ? args[off + 1]! : null;
  if (spec !== null && !PyUnicode_Check(spec)) {
    throw badArgument("format", "argument 2", "str", spec);
  }
  return PyObject_Format(args[off]!, spec);
}

function checkAttrName(name: PyObject): void {
  if (!PyUnicode_Check(name)) {
    throw PyErr_Format(
      PyExc_TypeError,
      `attribute name must be string, not '${name.ob_type.tp_name}'`,
    );
  }
}

function builtin_getattr(_self: PyObject, args: Args, off: number, nargs: number): PyObject {
  checkPositional("getattr", nargs, 2, 3);
  const v = args[off]!, name = args[off + 1]!;
  checkAttrName(name);
  if (nargs > 2) {
    const r = _PyObject_LookupAttr(v, name);
    return r === null ? ref(args[off + 2]!) : r;
  }
  return PyObject_GetAttr(v, name);
}

function builtin_hasattr(_self: PyObject, args: Args, off: number, nargs: number): PyObject {
  checkPositional("hasattr", nargs, 2, 2);
  const name = args[off + 1]!;
  checkAttrName(name);
  const r = _PyObject_LookupAttr(args[off]!, name);
  if (r === null) return bool(false);
  Py_DECREF(r);
  return bool(true);
}

function builtin_setattr(_self: PyObject, args: Args, off: number, nargs: number): PyObject {
  checkPositional("setattr", nargs, 3, 3);
  PyObject_SetAttr(args[off]!, args[off + 1]!, args[off + 2]!);
  return none();
}

function builtin_delattr(_self: PyObject, args: Args, off: number, nargs: number): PyObject {
  checkPositional("delattr", nargs, 2, 2);
  PyObject_SetAttr(args[off]!, args[off + 1]!, null);
  return none();
}

function builtin_isinstance(_self: PyObject, args: Args, off: number, nargs: number): PyObject {
  checkPositional("isinstance", nargs, 2, 2);
  return bool(PyObject_IsInstance(args[off]!, args[off + 1]!));
}

function builtin_issubclass(_self: PyObject, args: Args, off: number, nargs: number): PyObject {
  checkPositional("issubclass", nargs, 2, 2);
  return bool(PyObject_IsSubclass(args[off]!, args[off + 1]!));
}

function builtin_dir(_self: PyObject, args: Args, off: number, nargs: number): PyObject {
  checkPositional("dir", nargs, 0, 1);
  if (nargs === 0) {
    const locals = currentLocals();
    const { PyMapping_Keys } = abstractApi;
    const names = PyMapping_Keys(locals);
    Py_DECREF(locals);
    try {
      list_sort_impl(names, null, false);
    } catch (e) {
      Py_DECREF(names);
      throw e;
    }
    return names;
  }
  return PyObject_Dir(args[off]!);
}

import * as abstractApi from "../objects/abstract.ts";

function builtin_vars(_self: PyObject, args: Args, off: number, nargs: number): PyObject {
  checkPositional("vars", nargs, 0, 1);
  if (nargs === 0) return currentLocals();
  const d = _PyObject_LookupAttr(args[off]!, _Py_ID("__dict__"));
  if (d === null) {
    throw PyErr_Format(PyExc_TypeError, "vars() argument must have __dict__ attribute");
  }
  return d;
}

// ---- frames: globals(), locals() ----------------------------------------------------------------

/** PyEval_GetLocals (a new reference). */
function currentLocals(): PyObject {
  const frame = vmstack.current;
  if (frame === null) throw PyErr_Format(PyExc_SystemError, "frame does not exist");
  return ref(fastToLocals(frame));
}

function builtin_globals(_self: PyObject): PyObject {
  const frame = vmstack.current;
  if (frame === null) return none();
  return ref(frame.f_globals);
}

function builtin_locals(_self: PyObject): PyObject {
  return currentLocals();
}

// ---- iteration ------------------------------------------------------------------------------------

function builtin_iter(_self: PyObject, args: Args, off: number, nargs: number): PyObject {
  checkPositional("iter", nargs, 1, 2);
  const v = args[off]!;
  if (nargs === 1) return PyObject_GetIter(v);
  if (v.ob_type.tp_call === null) {
    throw PyErr_Format(PyExc_TypeError, "iter(v, w): v must be callable");
  }
  return PyCallIter_New(v, args[off + 1]!);
}

function builtin_next(_self: PyObject, args: Args, off: number, nargs: number): PyObject {
  checkPositional("next", nargs, 1, 2);
  const it = args[off]!;
  if (!PyIter_Check(it)) {
    throw PyErr_Format(PyExc_TypeError, `'${it.ob_type.tp_name}' object is not an iterator`);
  }
  const f = it.ob_type.tp_iternext!;
  let res: PyObject | null;
  try {
    res = f(it);
  } catch (e) {
    if (nargs > 1 && isPyErr(e) && PyObject_IsInstance(e, PyExc_StopIteration)) {
      Py_DECREF(e);
      return ref(args[off + 1]!);
    }
    throw e;
  }
  if (res !== null) return res;
  if (nargs > 1) return ref(args[off + 1]!);
  throw PyErr_SetNoneStop();
}

function PyErr_SetNoneStop(): PyObject {
  return BaseException_new_from_args(PyExc_StopIteration, ref(tuple_empty));
}

function builtin_all(_self: PyObject, v: PyObject): PyObject {
  const it = PyObject_GetIter(v);
  try {
    for (;;) {
      const item = PyIter_Next(it);
      if (item === null) return bool(true);
      let t: boolean;
      try {
        t = PyObject_IsTrue(item);
      } finally {
        Py_DECREF(item);
      }
      if (!t) return bool(false);
    }
  } finally {
    Py_DECREF(it);
  }
}

function builtin_any(_self: PyObject, v: PyObject): PyObject {
  const it = PyObject_GetIter(v);
  try {
    for (;;) {
      const item = PyIter_Next(it);
      if (item === null) return bool(false);
      let t: boolean;
      try {
        t = PyObject_IsTrue(item);
      } finally {
        Py_DECREF(item);
      }
      if (t) return bool(true);
    }
  } finally {
    Py_DECREF(it);
  }
}

function builtin_sorted(
  _self: PyObject,
  args: Args,
  off: number,
  nargs: number,
  kwnames: PyObject | null,
): PyObject {
  if (nargs !== 1) {
    throw PyErr_Format(PyExc_TypeError, `sorted expected 1 argument, got ${nargs}`);
  }
  const newlist = PySequence_List(args[off]!);
  try {
    let key: PyObject | null = null;
    let reverse = false;
    if (kwnames !== null) {
      const names = kwnames.ob_item as PyObject[];
      for (let i = 0; i < names.length; i++) {
        const k = str(names[i]);
        const v = args[off + 1 + i]!;
        if (k === "key") key = v;
        else if (k === "reverse") reverse = intArg(v) !== 0; // list.sort's bool(accept={int})
        else {
          throw PyErr_Format(PyExc_TypeError, `'${k}' is an invalid keyword argument for sort()`);
        }
      }
    }
    // CPython's sorted calls newlist.sort(...) through the method's vectorcall, which
    // counts one level of recursion (cfunction_enter_call)
    Py_EnterRecursiveCall(" while calling a Python object");
    try {
      list_sort_impl(newlist, key === Py_None ? null : key, reverse);
    } finally {
      Py_LeaveRecursiveCall();
    }
  } catch (e) {
    Py_DECREF(newlist);
    throw e;
  }
  return newlist;
}

// ---- characters ------------------------------------------------------------------------------------

function builtin_chr(_self: PyObject, v: PyObject): PyObject {
  const n = intArg(v); // Argument Clinic's int
  if (n < 0 || n > 0x10ffff) {
    throw PyErr_Format(PyExc_ValueError, "chr() arg not in range(0x110000)");
  }
  return PyUnicode_FromString(String.fromCodePoint(n));
}

function builtin_ord(_self: PyObject, c: PyObject): PyObject {
  if (PyUnicode_Check(c)) {
    const s = str(c);
    const cp = s.codePointAt(0);
    const len = cp === undefined ? 0 : (cp > 0xffff ? (s.length === 2 ? 1 : 2) : s.length);
    if (len === 1) return PyLong_FromNumber(cp!);
    const n = [...s].length;
    throw PyErr_Format(
      PyExc_TypeError,
      `ord() expected a character, but string of length ${n} found`,
    );
  }
  const b = bytesLike(c);
  if (b !== null) {
    if (b.length === 1) return PyLong_FromNumber(b[0]);
    throw PyErr_Format(
      PyExc_TypeError,
      `ord() expected a character, but string of length ${b.length} found`,
    );
  }
  throw PyErr_Format(
    PyExc_TypeError,
    `ord() expected string of length 1, but ${c.ob_type.tp_name} found`,
  );
}

// ---- print and input -----------------------------------------------------------------------------

const printParams = ["sep", "end", "file", "flush"] as const;
function builtin_print(
  _self: PyObject,
  args: Args,
  off: number,
  nargs: number,
  kwnames: PyObject | null,
): PyObject {
  let sep: PyObject | null = null, end: PyObject | null = null;
  let file: PyObject | null = null, flush: PyObject | null = null;
  if (kwnames !== null) {
    const names = kwnames.ob_item as PyObject[];
    for (let i = 0; i < names.length; i++) {
      const k = str(names[i]);
      const v = args[off + nargs + i]!;
      const idx = printParams.indexOf(k as typeof printParams[number]);
      if (idx < 0) {
        throw PyErr_Format(PyExc_TypeError, `'${k}' is an invalid keyword argument for print()`);
      }
      if (idx === 0) sep = v;
      else if (idx === 1) end = v;
      else if (idx === 2) file = v;
      else flush = v;
    }
  }
  if (file === null || file === Py_None) {
    file = sysGetObject("stdout");
    if (file === null) throw PyErr_Format(PyExc_RuntimeError, "lost sys.stdout");
    if (file === Py_None) return none();
  }
  if (sep === Py_None) sep = null;
  else if (sep !== null && !PyUnicode_Check(sep)) {
    throw PyErr_Format(PyExc_TypeError, `sep must be None or a string, not ${sep.ob_type.tp_name}`);
  }
  if (end === Py_None) end = null;
  else if (end !== null && !PyUnicode_Check(end)) {
    throw PyErr_Format(PyExc_TypeError, `end must be None or a string, not ${end.ob_type.tp_name}`);
  }
  Py_INCREF(file);
  try {
    if (isStandardStream(file)) {
      // The standard streams: one write of the whole line (same text, fewer host calls).
      let text = "";
      const sepText = sep === null ? " " : str(sep);
      for (let i = 0; i < nargs; i++) {
        if (i > 0) text += sepText;
        const a = args[off + i]!;
        if (a.ob_type === PyUnicode_Type) text += a.ob_val as string;
        else {
          const s = PyObject_Str(a);
          text += str(s);
          Py_DECREF(s);
        }
      }
      text += end === null ? "\n" : str(end);
      standardStreamWrite(file, text);
    } else {
      for (let i = 0; i < nargs; i++) {
        if (i > 0) {
          if (sep === null) PyFile_WriteString(" ", file);
          else PyFile_WriteObject(sep, file, Py_PRINT_RAW);
        }
        PyFile_WriteObject(args[off + i]!, file, Py_PRINT_RAW);
      }
      if (end === null) PyFile_WriteString("\n", file);
      else PyFile_WriteObject(end, file, Py_PRINT_RAW);
    }
    if (flush !== null && PyObject_IsTrue(flush)) {
      const f = PyObject_GetAttr(file, _Py_ID("flush"));
      try {
        Py_DECREF(PyObject_CallNoArgs(f));
      } finally {
        Py_DECREF(f);
      }
    }
  } finally {
    Py_DECREF(file);
  }
  return none();
}

function builtin_input(_self: PyObject, args: Args, off: number, nargs: number): PyObject {
  checkPositional("input", nargs, 0, 1);
  const stdout = sysGetObject("stdout");
  const stdin = sysGetObject("stdin");
  if (stdin === null || stdin === Py_None) {
    throw PyErr_Format(PyExc_RuntimeError, "input(): lost sys.stdin");
  }
  if (stdout === null || stdout === Py_None) {
    throw PyErr_Format(PyExc_RuntimeError, "input(): lost sys.stdout");
  }
  let promptText = "";
  if (nargs > 0) {
    const p = PyObject_Str(args[off]!);
    promptText = str(p);
    Py_DECREF(p);
  }
  if (!isStandardStream(stdin) || !isStandardStream(stdout)) {
    // As CPython when the streams are not the console: write the prompt, readline().
    if (promptText.length > 0) PyFile_WriteString(promptText, stdout);
    const readline = PyObject_GetAttr(stdin, _Py_ID("readline"));
    let line: PyObject;
    try {
      line = PyObject_CallNoArgs(readline);
    } finally {
      Py_DECREF(readline);
    }
    const text = str(line);
    Py_DECREF(line);
    if (text.length === 0) throw PyErr_Format(PyExc_EOFError, "EOF when reading a line");
    return PyUnicode_FromString(text.endsWith("\n") ? text.slice(0, -1) : text);
  }
  let line: string | null;
  try {
    line = hostState.host!.readline(promptText, false);
  } catch (e) {
    if (e instanceof HostRaise) throw PyErr_FromJS(e);
    throw e;
  }
  if (line === null) throw PyErr_Format(PyExc_EOFError, "EOF when reading a line");
  return PyUnicode_FromString(line);
}

// ---- compile, exec, eval -------------------------------------------------------------------------

function sourceText(fn: string, source: PyObject): string {
  if (PyUnicode_Check(source)) return str(source);
  const b = bytesLike(source);
  if (b !== null) return new TextDecoder().decode(b);
  throw PyErr_Format(
    PyExc_TypeError,
    `${fn}() arg 1 must be a string, bytes or code object`,
  );
}

const compileParams = [
  "source",
  "filename",
  "mode",
  "flags",
  "dont_inherit",
  "optimize",
  "_feature_version",
] as const;
function builtin_compile(
  _self: PyObject,
  args: Args,
  off: number,
  nargs: number,
  kwnames: PyObject | null,
): PyObject {
  const [source, filename, mode, flags, _dont, optimize] = unpackKeywords(
    "compile",
    compileParams,
    args,
    off,
    nargs,
    kwnames,
    3,
    6,
    0,
  );
  const modeText = str(mode!);
  const flagBits = flags === null ? 0 : Number(longValue(flags));
  const onlyAst = (flagBits & PyCF.ONLY_AST) !== 0;
  if (modeText === "func_type" && !onlyAst) {
    throw PyErr_Format(PyExc_ValueError, "compile() mode 'func_type' requires flag PyCF_ONLY_AST");
  }
  if (
    modeText !== "exec" && modeText !== "eval" && modeText !== "single" && modeText !== "func_type"
  ) {
    throw PyErr_Format(
      PyExc_ValueError,
      onlyAst
        ? "compile() mode must be 'exec', 'eval', 'single' or 'func_type'"
        : "compile() mode must be 'exec', 'eval' or 'single'",
    );
  }
  const optimizeLevel = optimize === null ? -1 : Number(longValue(optimize));
  if (PyCode_Check(source!)) return ref(source!);
  if (isAstObject(source!)) {
    if (onlyAst) return ref(source!);
    return compileTree(source!, str(filename!), modeText, flagBits, optimizeLevel);
  }
  // bytes are decoded as a source file is (coding cookie, BOM), and errors in them are
  // placed by UTF-8 byte, as CPython places them
  const raw = PyUnicode_Check(source!) ? null : bytesLike(source!);
  const text = raw === null
    ? sourceText("compile", source!)
    : compileErrors(() => decodeSource(raw, { filename: str(filename!) }));
  const byteOffsets = raw !== null;
  if (onlyAst) return parseToObject(text, str(filename!), modeText, byteOffsets);
  const { code } = compileSource(text, {
    filename: str(filename!),
    mode: modeText as "exec" | "eval" | "single",
    flags: flagBits,
    optimize: optimizeLevel,
    byteOffsets,
    fromString: true,
  });
  return code;
}

/** The globals and locals of exec()/eval(): the caller's when not given. */
function execNamespaces(
  fn: string,
  globals: PyObject | null,
  locals: PyObject | null,
): [PyObject, PyObject] {
  if (globals === Py_None) globals = null;
  if (locals === Py_None) locals = null;
  if (globals !== null && !PyDict_Check(globals)) {
    throw PyErr_Format(
      PyExc_TypeError,
      fn === "exec"
        ? `exec() globals must be a dict, not ${globals.ob_type.tp_name}`
        : (isMapping(globals)
          ? "globals must be a real dict; try eval(expr, {}, mapping)"
          : "globals must be a dict"),
    );
  }
  if (locals !== null && !isMapping(locals)) {
    throw PyErr_Format(
      PyExc_TypeError,
      fn === "exec"
        ? `locals must be a mapping or None, not ${locals.ob_type.tp_name}`
        : "locals must be a mapping",
    );
  }
  if (globals === null) {
    const frame = vmstack.current;
    if (frame === null) throw PyErr_Format(PyExc_SystemError, "globals and locals cannot be NULL");
    globals = frame.f_globals;
    if (locals === null) locals = fastToLocals(frame);
  } else if (locals === null) {
    locals = globals;
  }
  if (dictGetStr(globals, _Py_ID("__builtins__")) === null) {
    PyDict_SetItem(globals, _Py_ID("__builtins__"), builtinsModule!);
  }
  return [globals, locals];
}

function builtin_exec(
  _self: PyObject,
  args: Args,
  off: number,
  nargs: number,
  kwnames: PyObject | null,
): PyObject {
  const [source, g, l, closureArg] = unpackKeywords(
    "exec",
    ["source", "globals", "locals", "closure"],
    args,
    off,
    nargs,
    kwnames,
    1,
    3,
    0,
    3,
  );
  const [globals, locals] = execNamespaces("exec", g, l);
  const closure = closureArg === null || closureArg === Py_None ? null : closureArg;
  if (PyCode_Check(source!)) checkExecClosure(source!, closure);
  else if (closure !== null) {
    throw PyErr_Format(
      PyExc_TypeError,
      "closure can only be used when source is a code object",
    );
  }
  Py_INCREF(globals);
  Py_INCREF(locals);
  try {
    let r: PyObject;
    if (PyCode_Check(source!)) r = PyEval_EvalCode(source!, globals, locals, closure);
    else {
      const request = {
        filename: "<string>",
        mode: "exec" as const,
        fromString: true,
      };
      r = runSource(sourceText("exec", source!), request, globals, locals);
    }
    Py_DECREF(r);
  } finally {
    Py_DECREF(globals);
    Py_DECREF(locals);
  }
  return none();
}

/**
 * exec()'s closure: a code object with free variables needs a tuple of exactly as many
 * cells, one without them none.
 */
function checkExecClosure(code: PyObject, closure: PyObject | null): void {
  const nfree = codeData(code).co_nfreevars;
  if (nfree === 0) {
    if (closure !== null) {
      throw PyErr_Format(PyExc_TypeError, "cannot use a closure with this code object");
    }
    return;
  }
  const fits = closure !== null && PyTuple_CheckExact(closure) &&
    (closure.ob_item as PyObject[]).length === nfree &&
    (closure.ob_item as PyObject[]).every(PyCell_Check);
  if (!fits) {
    throw PyErr_Format(
      PyExc_TypeError,
      `code object requires a closure of exactly length ${nfree}`,
    );
  }
}

function builtin_eval(
  _self: PyObject,
  args: Args,
  off: number,
  nargs: number,
  kwnames: PyObject | null,
): PyObject {
  const [source, g, l] = unpackKeywords(
    "eval",
    ["source", "globals", "locals"],
    args,
    off,
    nargs,
    kwnames,
    1,
    3,
    0,
    3,
  );
  const [globals, locals] = execNamespaces("eval", g, l);
  Py_INCREF(globals);
  Py_INCREF(locals);
  try {
    if (PyCode_Check(source!)) {
      if (codeData(source!).co_nfreevars > 0) {
        throw PyErr_Format(
          PyExc_TypeError,
          "code object passed to eval() may not contain free variables",
        );
      }
      return PyEval_EvalCode(source!, globals, locals);
    }
    if (!PyUnicode_Check(source!) && bytesLike(source!) === null) {
      throw PyErr_Format(PyExc_TypeError, "eval() arg 1 must be a string, bytes or code object");
    }
    // eval strips leading spaces and tabs
    const text = sourceText("eval", source!).replace(/^[ \t]+/, "");
    const request = {
      filename: "<string>",
      mode: "eval" as const,
      fromString: true,
    };
    return runSource(text, request, globals, locals);
  } finally {
    Py_DECREF(globals);
    Py_DECREF(locals);
  }
}

// ---- open (not available) ------------------------------------------------------------------------

function builtin_open(_self: PyObject, args: Args, off: number, nargs: number): PyObject {
  void args;
  void off;
  void nargs;
  const { PyExc_OSError } = excApi;
  throw PyErr_Format(PyExc_OSError, "glasspy has no file system: open() is not supported");
}

import * as excApi from "../objects/exceptions.ts";

// ---- the module -----------------------------------------------------------------------------------

/**
 * A function of the module. Its internal docstring holds CPython's text signature, as
 * Argument Clinic writes it ("len($module, obj, /)\n--\n\n"), and no prose: its
 * __text_signature__ is CPython's and its __doc__ None (see textsignature.ts).
 */
function m(name: string, meth: PyMethodDef["ml_meth"], flags: number): PyMethodDef {
  const signature = BUILTIN_TEXT_SIGNATURES[name];
  const doc = signature === undefined ? null : `${name}${signature}\n--\n\n`;
  return { ml_name: name, ml_meth: meth, ml_flags: flags, ml_doc: doc };
}

const builtinMethods: PyMethodDef[] = [
  m("__build_class__", builtin___build_class__, METH_FASTCALL | METH_KEYWORDS),
  m("__import__", builtin___import__, METH_FASTCALL | METH_KEYWORDS),
  m("abs", builtin_abs, METH_O),
  m("all", builtin_all, METH_O),
  m("any", builtin_any, METH_O),
  m("ascii", builtin_ascii, METH_O),
  m("bin", (_s: PyObject, x: PyObject) => toBase(x, 2), METH_O),
  m("callable", builtin_callable, METH_O),
  m("chr", builtin_chr, METH_O),
  m("compile", builtin_compile, METH_FASTCALL | METH_KEYWORDS),
  m("delattr", builtin_delattr, METH_FASTCALL),
  m("dir", builtin_dir, METH_FASTCALL),
  m("divmod", builtin_divmod, METH_FASTCALL),
  m("eval", builtin_eval, METH_FASTCALL | METH_KEYWORDS),
  m("exec", builtin_exec, METH_FASTCALL | METH_KEYWORDS),
  m("format", builtin_format, METH_FASTCALL),
  m("getattr", builtin_getattr, METH_FASTCALL),
  m("globals", builtin_globals, METH_NOARGS),
  m("hasattr", builtin_hasattr, METH_FASTCALL),
  m("hash", builtin_hash, METH_O),
  m("hex", (_s: PyObject, x: PyObject) => toBase(x, 16), METH_O),
  m("id", builtin_id, METH_O),
  m("input", builtin_input, METH_FASTCALL),
  m("isinstance", builtin_isinstance, METH_FASTCALL),
  m("issubclass", builtin_issubclass, METH_FASTCALL),
  m("iter", builtin_iter, METH_FASTCALL),
  m("len", builtin_len, METH_O | METH_NO_RECURSION_CHECK),
  m("locals", builtin_locals, METH_NOARGS),
  m(
    "max",
    (_s: PyObject, a: PyObject, k: PyObject | null) => minMax(a, k, 1),
    METH_VARARGS | METH_KEYWORDS,
  ),
  m(
    "min",
    (_s: PyObject, a: PyObject, k: PyObject | null) => minMax(a, k, 0),
    METH_VARARGS | METH_KEYWORDS,
  ),
  m("next", builtin_next, METH_FASTCALL),
  m("oct", (_s: PyObject, x: PyObject) => toBase(x, 8), METH_O),
  m("open", builtin_open, METH_FASTCALL | METH_KEYWORDS),
  m("ord", builtin_ord, METH_O),
  m("pow", builtin_pow, METH_FASTCALL | METH_KEYWORDS),
  m("print", builtin_print, METH_FASTCALL | METH_KEYWORDS),
  m("repr", builtin_repr, METH_O),
  m("round", builtin_round, METH_FASTCALL | METH_KEYWORDS),
  m("setattr", builtin_setattr, METH_FASTCALL),
  m("sorted", builtin_sorted, METH_FASTCALL | METH_KEYWORDS),
  m("sum", builtin_sum, METH_FASTCALL | METH_KEYWORDS),
  m("vars", builtin_vars, METH_FASTCALL),
];

/** The builtins module object (borrowed), once made. */
export let builtinsModule: PyObject | null = null;

/** Creates the builtins module (_PyBuiltin_Init). */
export function makeBuiltins(): PyObject {
  if (builtinsModule !== null) return ref(builtinsModule);
  const mod = PyModule_NewBuiltin(
    "builtins",
    "Built-in functions, exceptions, and other objects.\n\nNoteworthy: None is the `nil' object; Ellipsis represents `...' in slices.",
  );
  const d = PyModule_GetDict(mod);
  const modName = PyUnicode_InternFromString("builtins");
  for (const ml of builtinMethods) {
    const f = PyCFunction_New(ml, mod, modName);
    PyDict_SetItemString(d, ml.ml_name, f);
    Py_DECREF(f);
  }
  Py_DECREF(modName);
  const objects: [string, PyObject][] = [
    ["None", Py_None],
    ["Ellipsis", Py_Ellipsis],
    ["NotImplemented", Py_NotImplemented],
    ["False", Py_False],
    ["True", Py_True],
    ["bool", PyBool_Type],
    ["memoryview", PyMemoryView_Type],
    ["bytearray", PyByteArray_Type],
    ["bytes", PyBytes_Type],
    ["classmethod", PyClassMethod_Type],
    ["complex", PyComplex_Type],
    ["dict", PyDict_Type],
    ["enumerate", PyEnum_Type],
    ["filter", PyFilter_Type],
    ["float", PyFloat_Type],
    ["frozenset", PyFrozenSet_Type],
    ["property", PyProperty_Type],
    ["int", PyLong_Type],
    ["list", PyList_Type],
    ["map", PyMap_Type],
    ["object", PyBaseObject_Type],
    ["range", PyRange_Type],
    ["reversed", PyReversed_Type],
    ["set", PySet_Type],
    ["slice", PySlice_Type],
    ["staticmethod", PyStaticMethod_Type],
    ["str", PyUnicode_Type],
    ["super", PySuper_Type],
    ["tuple", PyTuple_Type],
    ["type", PyType_Type],
    ["zip", PyZip_Type],
  ];
  for (const [name, o] of objects) PyDict_SetItemString(d, name, o);
  PyDict_SetItemString(d, "__debug__", Py_True);
  for (const [name, t] of builtinExceptions) PyDict_SetItemString(d, name, t);
  PyDict_SetItemString(d, "EnvironmentError", builtinExceptions.get("OSError")!);
  PyDict_SetItemString(d, "IOError", builtinExceptions.get("OSError")!);
  for (const name of ["quit", "exit"]) {
    const q = makeQuitter(name);
    PyDict_SetItemString(d, name, q);
    Py_DECREF(q);
  }
  builtinsModule = mod;
  Py_INCREF(mod);
  registerRoots("builtinsModule", (visit) => visit(mod));
  setHostRaise((typeName, text) => {
    const t = builtinExceptions.get(typeName) ?? PyExc_SystemError;
    if (t === PyExc_KeyboardInterrupt) return PyErr_Format(t, "");
    return PyErr_Format(t, text);
  });
  void unicode_empty;
  void PyExc_AttributeError;
  void PyTuple_FromArraySteal;
  void funcData;
  return mod;
}

registerModule("builtins", makeBuiltins);
