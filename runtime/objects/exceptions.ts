// The built-in exception hierarchy (Objects/exceptions.c).
//
// An exception instance keeps CPython's PyBaseExceptionObject fields in a record
// (ExcData, in ob_data); its instance __dict__ is ob_dict. Subclasses' own fields
// (SyntaxError's msg and lineno, StopIteration's value, ...) live in the same record.

import { trashcanBegin, trashcanEnd } from "../memory/trashcan.ts";
import {
  METH_NOARGS,
  METH_O,
  newObject,
  newStaticType,
  Py_DECREF,
  Py_False,
  Py_INCREF,
  Py_None,
  Py_TPFLAGS_BASE_EXC_SUBCLASS,
  Py_TPFLAGS_BASETYPE,
  Py_TPFLAGS_HAVE_GC,
  Py_TPFLAGS_HEAPTYPE,
  Py_TPFLAGS_LONG_SUBCLASS,
  Py_True,
  Py_XDECREF,
  PyBaseObject_Type,
  PyObject,
  PyObject_GC_Del,
  PyObject_GC_Init,
  PyObject_GC_Track,
  PyObject_GC_UnTrack,
  PyType_IsSubtype,
  type PyTypeObject,
  type visitproc,
} from "./object.ts";
import { PyTuple_FromArraySteal, type PyTupleObject, tuple_empty } from "./tupleobject.ts";
import { PyUnicode_Check, PyUnicode_FromString } from "./unicodeobject.ts";
import { PyErr_Format } from "./errors.ts";
import {
  _PyObject_LookupAttr,
  PyObject_GetAttr,
  PyObject_Repr,
  PyObject_SetAttr,
  PyObject_Str,
} from "./objectops.ts";
import { PyList_Append, PyList_Check, PyList_New } from "./listobject.ts";
import { _Py_ID } from "./unicodeobject.ts";
import { PyDict_GetItemString, PyDict_Size } from "./dictobject.ts";
import { PyLong_AsNumber, PyLong_CheckExact } from "./longobject.ts";
import { PyObject_GenericGetDict, PyObject_GenericSetDict } from "./objectops.ts";
import { reprText, str, strText } from "./objectops.ts";
import { PySequence_Tuple } from "./abstract.ts";

/** CPython's PyBaseExceptionObject fields and its subclasses', in one record. */
export class ExcData {
  args: PyObject;
  traceback: PyObject | null = null;
  context: PyObject | null = null;
  cause: PyObject | null = null;
  suppress_context = false;
  // SyntaxError; ImportError's msg; BaseExceptionGroup's msg
  msg: PyObject | null = null;
  filename: PyObject | null = null;
  lineno: PyObject | null = null;
  offset: PyObject | null = null;
  text: PyObject | null = null;
  end_lineno: PyObject | null = null;
  end_offset: PyObject | null = null;
  print_file_and_line: PyObject | null = null;
  // ImportError, NameError, AttributeError
  name: PyObject | null = null;
  path: PyObject | null = null;
  obj: PyObject | null = null;
  // OSError
  myerrno: PyObject | null = null;
  strerror: PyObject | null = null;
  filename2: PyObject | null = null;
  // SystemExit
  code: PyObject | null = null;
  // StopIteration
  value: PyObject | null = null;
  // UnicodeError
  encoding: PyObject | null = null;
  object: PyObject | null = null;
  start = 0;
  end = 0;
  reason: PyObject | null = null;
  // BaseExceptionGroup
  excs: PyObject | null = null;
  constructor(args: PyObject) {
    this.args = args;
  }
}

export interface PyBaseExceptionObject extends PyObject {
  ob_data: ExcData;
}

export function excData(o: PyObject): ExcData {
  return (o as PyBaseExceptionObject).ob_data;
}

export function PyExceptionInstance_Check(o: PyObject): boolean {
  return (o.ob_type.tp_flags & Py_TPFLAGS_BASE_EXC_SUBCLASS) !== 0;
}

export function PyExceptionClass_Check(o: PyObject): boolean {
  return (o.ob_type.tp_flags & (1 << 31)) !== 0 &&
    ((o as PyTypeObject).tp_flags & Py_TPFLAGS_BASE_EXC_SUBCLASS) !== 0;
}

// ---- creation and destruction ---------------------------------------------------------------

/** Allocates an exception of `type` with the given args tuple (stolen). */
export function BaseException_new_from_args(type: PyTypeObject, args: PyObject): PyObject {
  const self = newObject(type) as PyBaseExceptionObject;
  self.ob_data = new ExcData(args);
  PyObject_GC_Init(self, type.tp_basicsize);
  if (type.tp_flags & Py_TPFLAGS_HEAPTYPE) Py_INCREF(type);
  initSubclassFields(self, args);
  PyObject_GC_Track(self);
  return self;
}

/** BaseException.__new__ */
export function BaseException_new(
  type: PyTypeObject,
  args: PyObject,
  _kwds: PyObject | null,
): PyObject {
  if (type === PyExc_OSError) type = oserrorSubclass(args);
  Py_INCREF(args);
  return BaseException_new_from_args(type, args);
}

/** OSError(errno, strerror, ...) makes the subclass that stands for that errno (Linux's
 * numbers), as OSError_new's errnomap does. */
function oserrorSubclass(args: PyObject): PyTypeObject {
  const items = args.ob_item as PyObject[];
  if (items.length < 2 || items.length > 5) return PyExc_OSError;
  const errno = items[0];
  if ((errno.ob_type.tp_flags & Py_TPFLAGS_LONG_SUBCLASS) === 0) return PyExc_OSError;
  const v = (errno as PyObject & { ob_val: number | bigint }).ob_val;
  return (typeof v === "number" ? errnoMap.get(v) : undefined) ?? PyExc_OSError;
}

/** BaseException.__init__: args replace the instance's args. */
export function BaseException_init(self: PyObject, args: PyObject, kwds: PyObject | null): void {
  if (kwds !== null && PyDict_Size(kwds) > 0 && !acceptsKeywords(self.ob_type)) {
    throw PyErr_Format(PyExc_TypeError, `${self.ob_type.tp_name}() takes no keyword arguments`);
  }
  const d = excData(self);
  Py_INCREF(args);
  const old = d.args;
  d.args = args;
  Py_DECREF(old);
  initSubclassFields(self, args, kwds);
}

function acceptsKeywords(t: PyTypeObject): boolean {
  return PyType_IsSubtype(t, PyExc_ImportError) || PyType_IsSubtype(t, PyExc_NameError) ||
    PyType_IsSubtype(t, PyExc_AttributeError);
}

function setField(d: ExcData, key: keyof ExcData, v: PyObject | null): void {
  if (v !== null) Py_INCREF(v);
  const old = d[key] as PyObject | null;
  (d as unknown as Record<string, PyObject | null>)[key] = v;
  Py_XDECREF(old);
}

/** The __init__ work of the subclasses that keep extra fields. */
function initSubclassFields(self: PyObject, args: PyObject, kwds: PyObject | null = null): void {
  const t = self.ob_type;
  const d = excData(self);
  const items = (args as PyTupleObject).ob_item;
  if (PyType_IsSubtype(t, PyExc_StopIteration)) {
    setField(d, "value", items.length > 0 ? items[0] : Py_None);
  } else if (PyType_IsSubtype(t, PyExc_SystemExit)) {
    setField(d, "code", items.length === 0 ? Py_None : items.length === 1 ? items[0] : args);
  } else if (PyType_IsSubtype(t, PyExc_ImportError)) {
    setField(d, "msg", items.length === 1 ? items[0] : null);
    if (kwds !== null) {
      setField(d, "name", PyDict_GetItemString(kwds, "name"));
      setField(d, "path", PyDict_GetItemString(kwds, "path"));
    }
  } else if (PyType_IsSubtype(t, PyExc_NameError) || PyType_IsSubtype(t, PyExc_AttributeError)) {
    if (kwds !== null) {
      setField(d, "name", PyDict_GetItemString(kwds, "name"));
      if (PyType_IsSubtype(t, PyExc_AttributeError)) {
        setField(d, "obj", PyDict_GetItemString(kwds, "obj"));
      }
    }
  } else if (PyType_IsSubtype(t, PyExc_SyntaxError)) {
    if (items.length >= 1) setField(d, "msg", items[0]);
    if (items.length === 2) {
      const info = items[1];
      const parts = info.ob_item ?? [];
      const keys: (keyof ExcData)[] = [
        "filename",
        "lineno",
        "offset",
        "text",
        "end_lineno",
        "end_offset",
      ];
      if (parts.length < 4 || parts.length > 6) {
        throw PyErr_Format(PyExc_IndexError, "tuple index out of range");
      }
      for (let i = 0; i < keys.length; i++) {
        setField(d, keys[i], i < parts.length ? parts[i] : null);
      }
    }
  } else if (PyType_IsSubtype(t, PyExc_OSError)) {
    if (items.length >= 2 && items.length <= 5) {
      setField(d, "myerrno", items[0]);
      setField(d, "strerror", items[1]);
      // oserror_init keeps a filename that is not None, and filename2 only beside one
      if (items.length >= 3 && items[2] !== Py_None) {
        setField(d, "filename", items[2]);
        if (items.length >= 5 && items[4] !== Py_None) setField(d, "filename2", items[4]);
      }
      if (items.length >= 3 && items[2] !== Py_None && d.args === args) {
        // With a filename, args keeps only (errno, strerror).
        d.args = PyTuple_FromArraySteal([items[0], items[1]].map((o) => (Py_INCREF(o), o)));
        Py_DECREF(args);
      }
    }
  } else if (PyType_IsSubtype(t, PyExc_BaseExceptionGroup)) {
    // Set once, by __new__ (BaseExceptionGroup_new keeps the exceptions as a tuple);
    // __init__ changes args only.
    if (items.length === 2 && d.msg === null && d.excs === null) {
      setField(d, "msg", items[0]);
      setField(d, "excs", items[1]);
    }
  }
}

export function BaseException_clear(self: PyObject): boolean {
  const d = excData(self);
  const dict = self.ob_dict;
  if (dict !== null) {
    self.ob_dict = null;
    Py_DECREF(dict);
  }
  const args = d.args;
  d.args = tuple_empty;
  Py_INCREF(tuple_empty);
  Py_DECREF(args);
  for (
    const k of [
      "traceback",
      "cause",
      "context",
      "msg",
      "filename",
      "lineno",
      "offset",
      "text",
      "end_lineno",
      "end_offset",
      "print_file_and_line",
      "name",
      "path",
      "obj",
      "myerrno",
      "strerror",
      "filename2",
      "code",
      "value",
      "encoding",
      "object",
      "reason",
      "excs",
    ] as const
  ) {
    const v = d[k];
    if (v !== null) {
      d[k] = null;
      Py_DECREF(v);
    }
  }
  return false;
}

export function BaseException_dealloc(self: PyObject): void {
  PyObject_GC_UnTrack(self);
  // (in the trashcan, as exceptions.c's: __context__ chains can be long)
  const tc = trashcanBegin(self, BaseException_dealloc);
  if (tc < 0) return;
  BaseException_clear(self);
  Py_DECREF(excData(self).args);
  self.ob_type.tp_free!(self);
  trashcanEnd(tc);
}

export function BaseException_traverse(self: PyObject, visit: visitproc, arg: unknown): number {
  const d = excData(self);
  for (
    const v of [
      self.ob_dict,
      d.args,
      d.traceback,
      d.cause,
      d.context,
      d.msg,
      d.filename,
      d.lineno,
      d.offset,
      d.text,
      d.end_lineno,
      d.end_offset,
      d.print_file_and_line,
      d.name,
      d.path,
      d.obj,
      d.myerrno,
      d.strerror,
      d.filename2,
      d.code,
      d.value,
      d.encoding,
      d.object,
      d.reason,
      d.excs,
    ]
  ) {
    if (v !== null) {
      const r = visit(v, arg);
      if (r) return r;
    }
  }
  return 0;
}

// ---- repr and str ---------------------------------------------------------------------------

function typeShortName(t: PyTypeObject): string {
  const n = t.tp_name;
  const dot = n.lastIndexOf(".");
  return dot >= 0 ? n.slice(dot + 1) : n;
}

export function BaseException_repr(self: PyObject): PyObject {
  const name = typeShortName(self.ob_type);
  const args = excData(self).args;
  const items = (args as PyTupleObject).ob_item;
  if (items.length === 1) {
    const r = PyObject_Repr(items[0]);
    const s = PyUnicode_FromString(`${name}(${str(r)})`);
    Py_DECREF(r);
    return s;
  }
  const r = PyObject_Repr(args);
  const s = PyUnicode_FromString(`${name}${str(r)}`);
  Py_DECREF(r);
  return s;
}

export function BaseException_str(self: PyObject): PyObject {
  const args = excData(self).args;
  const items = (args as PyTupleObject).ob_item;
  if (items.length === 0) return PyUnicode_FromString("");
  if (items.length === 1) return PyObject_Str(items[0]);
  return PyObject_Str(args);
}

function KeyError_str(self: PyObject): PyObject {
  const items = (excData(self).args as PyTupleObject).ob_item;
  if (items.length === 1) return PyObject_Repr(items[0]);
  return BaseException_str(self);
}

function ImportError_str(self: PyObject): PyObject {
  const d = excData(self);
  if (d.msg !== null && PyUnicode_Check(d.msg)) {
    Py_INCREF(d.msg);
    return d.msg;
  }
  return BaseException_str(self);
}

function basename(path: string): string {
  const i = path.lastIndexOf("/");
  return i >= 0 ? path.slice(i + 1) : path;
}

function SyntaxError_str(self: PyObject): PyObject {
  const d = excData(self);
  const msg = d.msg ?? Py_None;
  const filename = d.filename !== null && PyUnicode_Check(d.filename)
    ? basename(str(d.filename))
    : null;
  const haveLineno = d.lineno !== null && PyLong_CheckExact(d.lineno);
  if (filename === null && !haveLineno) return PyObject_Str(msg);
  const m = strText(msg);
  if (filename !== null && haveLineno) {
    return PyUnicode_FromString(`${m} (${filename}, line ${PyLong_AsNumber(d.lineno!)})`);
  }
  if (filename !== null) return PyUnicode_FromString(`${m} (${filename})`);
  return PyUnicode_FromString(`${m} (line ${PyLong_AsNumber(d.lineno!)})`);
}

function OSError_str(self: PyObject): PyObject {
  const d = excData(self);
  // PyUnicode_FromFormat's order: errno's str, strerror's, then the filenames' reprs
  if (d.filename !== null) {
    const head = `[Errno ${strText(d.myerrno ?? Py_None)}] ${strText(d.strerror ?? Py_None)}: ${
      reprText(d.filename)
    }`;
    if (d.filename2 !== null) {
      return PyUnicode_FromString(`${head} -> ${reprText(d.filename2)}`);
    }
    return PyUnicode_FromString(head);
  }
  if (d.myerrno !== null && d.strerror !== null) {
    return PyUnicode_FromString(`[Errno ${strText(d.myerrno)}] ${strText(d.strerror)}`);
  }
  return BaseException_str(self);
}

function BaseExceptionGroup_str(self: PyObject): PyObject {
  const d = excData(self);
  const n = d.excs !== null && d.excs.ob_item !== null ? d.excs.ob_item.length : 0;
  return PyUnicode_FromString(
    `${d.msg !== null ? str(d.msg) : ""} (${n} sub-exception${n > 1 ? "s" : ""})`,
  );
}

// ---- methods and attributes -----------------------------------------------------------------

function BaseException_with_traceback(self: PyObject, tb: PyObject): PyObject {
  PyException_SetTraceback(self, tb);
  Py_INCREF(self);
  return self;
}

function BaseException_add_note(self: PyObject, note: PyObject): PyObject {
  if (!PyUnicode_Check(note)) {
    throw PyErr_Format(PyExc_TypeError, `note must be a str, not '${note.ob_type.tp_name}'`);
  }
  let notes = _PyObject_LookupAttr(self, _Py_ID("__notes__"));
  if (notes === null) {
    const fresh = PyList_New(0);
    PyObject_SetAttr(self, _Py_ID("__notes__"), fresh);
    Py_DECREF(fresh);
    notes = PyObject_GetAttr(self, _Py_ID("__notes__"));
  }
  if (!PyList_Check(notes)) {
    Py_DECREF(notes);
    throw PyErr_Format(PyExc_TypeError, "Cannot add note: __notes__ is not a list");
  }
  PyList_Append(notes, note);
  Py_DECREF(notes);
  Py_INCREF(Py_None);
  return Py_None;
}

function BaseException_reduce(self: PyObject): PyObject {
  const d = excData(self);
  Py_INCREF(self.ob_type);
  Py_INCREF(d.args);
  if (self.ob_dict !== null && PyDict_Size(self.ob_dict) > 0) {
    Py_INCREF(self.ob_dict);
    return PyTuple_FromArraySteal([self.ob_type, d.args, self.ob_dict]);
  }
  return PyTuple_FromArraySteal([self.ob_type, d.args]);
}

export function PyException_GetTraceback(self: PyObject): PyObject | null {
  const tb = excData(self).traceback;
  if (tb !== null) Py_INCREF(tb);
  return tb;
}

/** Sets __traceback__ (tb borrowed; None clears it). */
export function PyException_SetTraceback(self: PyObject, tb: PyObject): void {
  const d = excData(self);
  if (tb !== Py_None && tb.ob_type.tp_name !== "traceback") {
    throw PyErr_Format(PyExc_TypeError, "__traceback__ must be a traceback or None");
  }
  const v = tb === Py_None ? null : tb;
  if (v !== null) Py_INCREF(v);
  const old = d.traceback;
  d.traceback = v;
  Py_XDECREF(old);
}

/** Sets __context__, stealing the reference to ctx (null clears). */
export function PyException_SetContext(self: PyObject, ctx: PyObject | null): void {
  const d = excData(self);
  const old = d.context;
  d.context = ctx;
  Py_XDECREF(old);
}

/** Sets __cause__, stealing the reference (null clears), and __suppress_context__. */
export function PyException_SetCause(self: PyObject, cause: PyObject | null): void {
  const d = excData(self);
  const old = d.cause;
  d.cause = cause;
  d.suppress_context = true;
  Py_XDECREF(old);
}

export function PyException_GetContext(self: PyObject): PyObject | null {
  return excData(self).context;
}

function getOrNone(v: PyObject | null): PyObject {
  const r = v ?? Py_None;
  Py_INCREF(r);
  return r;
}

function exceptionOrNone(what: string) {
  return (self: PyObject, v: PyObject | null): void => {
    if (v === null) throw PyErr_Format(PyExc_TypeError, `${what} may not be deleted`);
    if (v !== Py_None && !PyExceptionInstance_Check(v)) {
      throw PyErr_Format(
        PyExc_TypeError,
        `exception ${what.replace(/_/g, "")} must be None or derive from BaseException`,
      );
    }
    const d = excData(self);
    const nv = v === Py_None ? null : v;
    if (nv !== null) Py_INCREF(nv);
    if (what === "__cause__") {
      const old = d.cause;
      d.cause = nv;
      d.suppress_context = true;
      Py_XDECREF(old);
    } else {
      const old = d.context;
      d.context = nv;
      Py_XDECREF(old);
    }
  };
}

function fieldMember(key: keyof ExcData, name: string = key, readonly = false) {
  return {
    name,
    get: (o: PyObject) => getOrNone(excData(o)[key] as PyObject | null),
    set: readonly ? null : (o: PyObject, v: PyObject | null) => {
      setField(excData(o), key, v);
    },
  };
}

// ---- the types ------------------------------------------------------------------------------

const EXC_FLAGS = Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASE_EXC_SUBCLASS;

/** All built-in exception types by name, with their aliases (EnvironmentError...). */
export const builtinExceptions = new Map<string, PyTypeObject>();

function excType(
  name: string,
  base: PyTypeObject | null,
  basicsize = 0,
  doc: string | null = null,
): PyTypeObject {
  const t = newStaticType(name, basicsize || (base ? base.tp_basicsize : 72), EXC_FLAGS);
  t.tp_base = base ?? PyBaseObject_Type;
  t.tp_doc = doc;
  t.tp_dictoffset = 1;
  t.tp_new = BaseException_new;
  t.tp_init = BaseException_init;
  t.tp_dealloc = BaseException_dealloc;
  t.tp_traverse = BaseException_traverse;
  t.tp_clear = BaseException_clear;
  t.tp_free = PyObject_GC_Del;
  builtinExceptions.set(name, t);
  return t;
}

export const PyExc_BaseException = excType(
  "BaseException",
  null,
  72,
  "Common base class for all exceptions",
);
PyExc_BaseException.tp_repr = BaseException_repr;
PyExc_BaseException.tp_str = BaseException_str;
PyExc_BaseException.tp_methods = [
  { ml_name: "__reduce__", ml_meth: BaseException_reduce, ml_flags: METH_NOARGS },
  { ml_name: "with_traceback", ml_meth: BaseException_with_traceback, ml_flags: METH_O },
  { ml_name: "add_note", ml_meth: BaseException_add_note, ml_flags: METH_O },
];
PyExc_BaseException.tp_getset = [
  { name: "__dict__", get: PyObject_GenericGetDict, set: PyObject_GenericSetDict },
  {
    name: "args",
    get: (o) => {
      const a = excData(o).args;
      Py_INCREF(a);
      return a;
    },
    set: (o, v) => {
      if (v === null) throw PyErr_Format(PyExc_TypeError, "args may not be deleted");
      const t = PySequence_Tuple(v);
      const d = excData(o);
      const old = d.args;
      d.args = t;
      Py_DECREF(old);
    },
  },
  {
    name: "__traceback__",
    get: (o) => getOrNone(excData(o).traceback),
    set: (o, v) => {
      if (v === null) throw PyErr_Format(PyExc_TypeError, "__traceback__ may not be deleted");
      PyException_SetTraceback(o, v);
    },
  },
  {
    name: "__context__",
    get: (o) => getOrNone(excData(o).context),
    set: exceptionOrNone("__context__"),
  },
  { name: "__cause__", get: (o) => getOrNone(excData(o).cause), set: exceptionOrNone("__cause__") },
];
PyExc_BaseException.tp_members = [
  {
    name: "__suppress_context__",
    get: (o) => {
      const b = excData(o).suppress_context ? Py_True : Py_False;
      Py_INCREF(b);
      return b;
    },
    set: (o, v) => {
      if (v === null) throw PyErr_Format(PyExc_TypeError, "can't delete numeric/char attribute");
      excData(o).suppress_context = v === Py_True;
    },
  },
];

export const PyExc_BaseExceptionGroup = excType("BaseExceptionGroup", PyExc_BaseException, 88);
PyExc_BaseExceptionGroup.tp_str = BaseExceptionGroup_str;
PyExc_BaseExceptionGroup.tp_members = [
  fieldMember("msg", "message", true),
  fieldMember("excs", "exceptions", true),
];
export const PyExc_GeneratorExit = excType("GeneratorExit", PyExc_BaseException);
export const PyExc_KeyboardInterrupt = excType("KeyboardInterrupt", PyExc_BaseException);
export const PyExc_SystemExit = excType("SystemExit", PyExc_BaseException, 80);
PyExc_SystemExit.tp_members = [fieldMember("code")];
export const PyExc_Exception = excType("Exception", PyExc_BaseException);
export const PyExc_ArithmeticError = excType("ArithmeticError", PyExc_Exception);
export const PyExc_FloatingPointError = excType("FloatingPointError", PyExc_ArithmeticError);
export const PyExc_OverflowError = excType("OverflowError", PyExc_ArithmeticError);
export const PyExc_ZeroDivisionError = excType("ZeroDivisionError", PyExc_ArithmeticError);
export const PyExc_AssertionError = excType("AssertionError", PyExc_Exception);
export const PyExc_AttributeError = excType("AttributeError", PyExc_Exception, 88);
PyExc_AttributeError.tp_members = [fieldMember("name"), fieldMember("obj")];
export const PyExc_BufferError = excType("BufferError", PyExc_Exception);
export const PyExc_EOFError = excType("EOFError", PyExc_Exception);
export const PyExc_ExceptionGroup = excType("ExceptionGroup", PyExc_BaseExceptionGroup);
export const PyExc_ImportError = excType("ImportError", PyExc_Exception, 96);
PyExc_ImportError.tp_str = ImportError_str;
PyExc_ImportError.tp_members = [fieldMember("msg"), fieldMember("name"), fieldMember("path")];
export const PyExc_ModuleNotFoundError = excType("ModuleNotFoundError", PyExc_ImportError);
export const PyExc_LookupError = excType("LookupError", PyExc_Exception);
export const PyExc_IndexError = excType("IndexError", PyExc_LookupError);
export const PyExc_KeyError = excType("KeyError", PyExc_LookupError);
PyExc_KeyError.tp_str = KeyError_str;
export const PyExc_MemoryError = excType("MemoryError", PyExc_Exception);
export const PyExc_NameError = excType("NameError", PyExc_Exception, 80);
PyExc_NameError.tp_members = [fieldMember("name")];
export const PyExc_UnboundLocalError = excType("UnboundLocalError", PyExc_NameError);
export const PyExc_OSError = excType("OSError", PyExc_Exception, 112);
PyExc_OSError.tp_str = OSError_str;
PyExc_OSError.tp_members = [
  fieldMember("myerrno", "errno"),
  fieldMember("strerror"),
  fieldMember("filename"),
  fieldMember("filename2"),
];
builtinExceptions.set("EnvironmentError", PyExc_OSError);
builtinExceptions.set("IOError", PyExc_OSError);
export const PyExc_BlockingIOError = excType("BlockingIOError", PyExc_OSError);
export const PyExc_ChildProcessError = excType("ChildProcessError", PyExc_OSError);
export const PyExc_ConnectionError = excType("ConnectionError", PyExc_OSError);
export const PyExc_BrokenPipeError = excType("BrokenPipeError", PyExc_ConnectionError);
export const PyExc_ConnectionAbortedError = excType(
  "ConnectionAbortedError",
  PyExc_ConnectionError,
);
export const PyExc_ConnectionRefusedError = excType(
  "ConnectionRefusedError",
  PyExc_ConnectionError,
);
export const PyExc_ConnectionResetError = excType("ConnectionResetError", PyExc_ConnectionError);
export const PyExc_FileExistsError = excType("FileExistsError", PyExc_OSError);
export const PyExc_FileNotFoundError = excType("FileNotFoundError", PyExc_OSError);
export const PyExc_InterruptedError = excType("InterruptedError", PyExc_OSError);
export const PyExc_IsADirectoryError = excType("IsADirectoryError", PyExc_OSError);
export const PyExc_NotADirectoryError = excType("NotADirectoryError", PyExc_OSError);
export const PyExc_PermissionError = excType("PermissionError", PyExc_OSError);
export const PyExc_ProcessLookupError = excType("ProcessLookupError", PyExc_OSError);
export const PyExc_TimeoutError = excType("TimeoutError", PyExc_OSError);

const errnoMap = new Map<number, PyTypeObject>([
  [11, PyExc_BlockingIOError], // EAGAIN, EWOULDBLOCK
  [114, PyExc_BlockingIOError], // EALREADY
  [115, PyExc_BlockingIOError], // EINPROGRESS
  [32, PyExc_BrokenPipeError], // EPIPE
  [108, PyExc_BrokenPipeError], // ESHUTDOWN
  [10, PyExc_ChildProcessError], // ECHILD
  [103, PyExc_ConnectionAbortedError], // ECONNABORTED
  [111, PyExc_ConnectionRefusedError], // ECONNREFUSED
  [104, PyExc_ConnectionResetError], // ECONNRESET
  [17, PyExc_FileExistsError], // EEXIST
  [2, PyExc_FileNotFoundError], // ENOENT
  [21, PyExc_IsADirectoryError], // EISDIR
  [20, PyExc_NotADirectoryError], // ENOTDIR
  [4, PyExc_InterruptedError], // EINTR
  [13, PyExc_PermissionError], // EACCES
  [1, PyExc_PermissionError], // EPERM
  [3, PyExc_ProcessLookupError], // ESRCH
  [110, PyExc_TimeoutError], // ETIMEDOUT
]);
export const PyExc_ReferenceError = excType("ReferenceError", PyExc_Exception);
export const PyExc_RuntimeError = excType("RuntimeError", PyExc_Exception);
export const PyExc_NotImplementedError = excType("NotImplementedError", PyExc_RuntimeError);
export const PyExc_RecursionError = excType("RecursionError", PyExc_RuntimeError);
export const PyExc_StopAsyncIteration = excType("StopAsyncIteration", PyExc_Exception);
export const PyExc_StopIteration = excType("StopIteration", PyExc_Exception, 80);
PyExc_StopIteration.tp_members = [fieldMember("value")];
export const PyExc_SyntaxError = excType("SyntaxError", PyExc_Exception, 136);
PyExc_SyntaxError.tp_str = SyntaxError_str;
PyExc_SyntaxError.tp_members = [
  fieldMember("msg"),
  fieldMember("filename"),
  fieldMember("lineno"),
  fieldMember("offset"),
  fieldMember("text"),
  fieldMember("end_lineno"),
  fieldMember("end_offset"),
  fieldMember("print_file_and_line"),
];
export const PyExc_IndentationError = excType("IndentationError", PyExc_SyntaxError);
export const PyExc_TabError = excType("TabError", PyExc_IndentationError);
export const PyExc_SystemError = excType("SystemError", PyExc_Exception);
export const PyExc_TypeError = excType("TypeError", PyExc_Exception);
export const PyExc_ValueError = excType("ValueError", PyExc_Exception);
export const PyExc_UnicodeError = excType("UnicodeError", PyExc_ValueError, 112);
export const PyExc_UnicodeDecodeError = excType("UnicodeDecodeError", PyExc_UnicodeError);
export const PyExc_UnicodeEncodeError = excType("UnicodeEncodeError", PyExc_UnicodeError);
export const PyExc_UnicodeTranslateError = excType("UnicodeTranslateError", PyExc_UnicodeError);
export const PyExc_Warning = excType("Warning", PyExc_Exception);
export const PyExc_BytesWarning = excType("BytesWarning", PyExc_Warning);
export const PyExc_DeprecationWarning = excType("DeprecationWarning", PyExc_Warning);
export const PyExc_EncodingWarning = excType("EncodingWarning", PyExc_Warning);
export const PyExc_FutureWarning = excType("FutureWarning", PyExc_Warning);
export const PyExc_ImportWarning = excType("ImportWarning", PyExc_Warning);
export const PyExc_PendingDeprecationWarning = excType("PendingDeprecationWarning", PyExc_Warning);
export const PyExc_ResourceWarning = excType("ResourceWarning", PyExc_Warning);
export const PyExc_RuntimeWarning = excType("RuntimeWarning", PyExc_Warning);
export const PyExc_SyntaxWarning = excType("SyntaxWarning", PyExc_Warning);
export const PyExc_UnicodeWarning = excType("UnicodeWarning", PyExc_Warning);
export const PyExc_UserWarning = excType("UserWarning", PyExc_Warning);

// ExceptionGroup derives from both BaseExceptionGroup and Exception.
export const exceptionGroupExtraBase = PyExc_Exception;

/** Whether the exception class was created by a class statement (not built in). */
export function isHeapExceptionType(t: PyTypeObject): boolean {
  return (t.tp_flags & Py_TPFLAGS_HEAPTYPE) !== 0;
}
