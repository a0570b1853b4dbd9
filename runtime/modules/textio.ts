// The standard streams sys.stdin, sys.stdout and sys.stderr: objects of type
// _io.TextIOWrapper (Modules/_io/textio.c) reduced to what a program sees of them —
// write, read, readline, iteration, flush and the name/mode/encoding attributes — over
// the Host's write and readline.

import {
  _Py_DECREF_NO_DEALLOC,
  METH_FASTCALL,
  METH_NOARGS,
  METH_O,
  newObject,
  newStaticType,
  Py_False,
  Py_INCREF,
  Py_None,
  Py_True,
  PyObject,
  PyObject_Free,
  PyObject_Init,
  type PyTypeObject,
} from "../objects/object.ts";
import { PyType_Ready } from "../objects/typeobject.ts";
import { PyUnicode_Check, PyUnicode_FromString } from "../objects/unicodeobject.ts";
import { unicode_length } from "../objects/unicodemethods.ts";
import { PyErr_Format, PyErr_FromJS } from "../objects/errors.ts";
import { PyExc_OSError, PyExc_TypeError, PyExc_ValueError } from "../objects/exceptions.ts";
import { PyLong_FromNumber } from "../objects/longobject.ts";
import { PyList_Append, PyList_New } from "../objects/listobject.ts";
import { PyObject_SelfIter, str } from "../objects/objectops.ts";
import { fileFastPath } from "../objects/fileobject.ts";
import { hostState } from "../vm/hoststate.ts";
import { HostRaise, type StreamName } from "../vm/host.ts";

/** What a standard stream object holds (in ob_data). */
export class StreamData {
  constructor(
    /** "stdin", "stdout" or "stderr" */
    readonly stream: "stdin" | StreamName,
    readonly mode: "r" | "w",
  ) {}
  /** Text read ahead from the host and not yet returned (stdin). */
  pending = "";
  /** The host reported end of input. */
  eof = false;
  closed = false;
}

let textIOType: PyTypeObject | null = null;

function none(): PyObject {
  Py_INCREF(Py_None);
  return Py_None;
}

function data(o: PyObject): StreamData {
  return o.ob_data as StreamData;
}

/** Writes text to the host stream of a standard stream object. */
function hostWrite(d: StreamData, text: string): void {
  if (d.closed) throw PyErr_Format(PyExc_ValueError, "I/O operation on closed file.");
  if (d.mode !== "w") throw PyErr_Format(PyExc_OSError, "not writable");
  if (text.length === 0) return;
  hostState.host!.write(d.stream as StreamName, text);
}

function stream_write(self: PyObject, s: PyObject): PyObject {
  if (!PyUnicode_Check(s)) {
    throw PyErr_Format(PyExc_TypeError, `write() argument must be str, not ${s.ob_type.tp_name}`);
  }
  hostWrite(data(self), str(s));
  return PyLong_FromNumber(unicode_length(s));
}

/** flush(): the host shows what was written (a kernel sends its batched stream text). */
function stream_flush(self: PyObject): PyObject {
  const d = data(self);
  if (d.mode === "w" && !d.closed) hostState.host!.flush?.(d.stream as StreamName);
  return none();
}

/** One line from the host (with its newline), or "" at end of input. */
function readLine(d: StreamData): string {
  if (d.closed) throw PyErr_Format(PyExc_ValueError, "I/O operation on closed file.");
  if (d.mode !== "r") throw PyErr_Format(PyExc_OSError, "not readable");
  if (d.pending.length > 0) {
    const nl = d.pending.indexOf("\n");
    if (nl >= 0) {
      const line = d.pending.slice(0, nl + 1);
      d.pending = d.pending.slice(nl + 1);
      return line;
    }
  }
  if (d.eof) {
    const rest = d.pending;
    d.pending = "";
    return rest;
  }
  let line: string | null;
  try {
    line = hostState.host!.readline("", false);
  } catch (e) {
    if (e instanceof HostRaise) throw PyErr_FromJS(e);
    throw e;
  }
  if (line === null) {
    d.eof = true;
    const rest = d.pending;
    d.pending = "";
    return rest;
  }
  const text = d.pending + line + "\n";
  d.pending = "";
  return text;
}

function stream_readline(
  self: PyObject,
  args: (PyObject | null)[],
  off: number,
  nargs: number,
): PyObject {
  let limit = -1;
  if (nargs > 0 && args[off] !== Py_None) limit = Number(args[off]!.ob_val);
  const d = data(self);
  let line = readLine(d);
  if (limit >= 0 && line.length > limit) {
    d.pending = line.slice(limit) + d.pending;
    line = line.slice(0, limit);
  }
  return PyUnicode_FromString(line);
}

function stream_read(
  self: PyObject,
  args: (PyObject | null)[],
  off: number,
  nargs: number,
): PyObject {
  const d = data(self);
  let limit = -1;
  if (nargs > 0 && args[off] !== Py_None) limit = Number(args[off]!.ob_val);
  let text = "";
  while (limit < 0 || text.length < limit) {
    const line = readLine(d);
    if (line === "") break;
    text += line;
  }
  if (limit >= 0 && text.length > limit) {
    d.pending = text.slice(limit) + d.pending;
    text = text.slice(0, limit);
  }
  return PyUnicode_FromString(text);
}

function stream_readlines(self: PyObject): PyObject {
  const d = data(self);
  const list = PyList_New(0);
  for (;;) {
    const line = readLine(d);
    if (line === "") return list;
    const s = PyUnicode_FromString(line);
    PyList_Append(list, s);
    _Py_DECREF_NO_DEALLOC(s);
  }
}

function stream_iternext(self: PyObject): PyObject | null {
  const line = readLine(data(self));
  return line === "" ? null : PyUnicode_FromString(line);
}

function stream_repr(self: PyObject): PyObject {
  const d = data(self);
  return PyUnicode_FromString(
    `<_io.TextIOWrapper name='<${d.stream}>' mode='${d.mode}' encoding='utf-8'>`,
  );
}

function stream_dealloc(self: PyObject): void {
  PyObject_Free(self);
}

function streamType(): PyTypeObject {
  if (textIOType !== null) return textIOType;
  const t = newStaticType("_io.TextIOWrapper", 200, 0);
  t.tp_dealloc = stream_dealloc;
  t.tp_repr = stream_repr;
  t.tp_iter = PyObject_SelfIter;
  t.tp_iternext = stream_iternext;
  t.tp_methods = [
    { ml_name: "write", ml_meth: stream_write, ml_flags: METH_O },
    { ml_name: "read", ml_meth: stream_read, ml_flags: METH_FASTCALL },
    { ml_name: "readline", ml_meth: stream_readline, ml_flags: METH_FASTCALL },
    { ml_name: "readlines", ml_meth: stream_readlines, ml_flags: METH_NOARGS },
    { ml_name: "flush", ml_meth: stream_flush, ml_flags: METH_NOARGS },
    { ml_name: "isatty", ml_meth: () => boolFalse(), ml_flags: METH_NOARGS },
    {
      ml_name: "readable",
      ml_meth: (self: PyObject) => boolObj(data(self).mode === "r"),
      ml_flags: METH_NOARGS,
    },
    {
      ml_name: "writable",
      ml_meth: (self: PyObject) => boolObj(data(self).mode === "w"),
      ml_flags: METH_NOARGS,
    },
    {
      ml_name: "fileno",
      ml_meth: (self: PyObject) =>
        PyLong_FromNumber(["stdin", "stdout", "stderr"].indexOf(data(self).stream)),
      ml_flags: METH_NOARGS,
    },
  ];
  t.tp_getset = [
    { name: "name", get: (o) => PyUnicode_FromString(`<${data(o).stream}>`) },
    { name: "mode", get: (o) => PyUnicode_FromString(data(o).mode) },
    { name: "encoding", get: () => PyUnicode_FromString("utf-8") },
    { name: "errors", get: () => PyUnicode_FromString("strict") },
    { name: "closed", get: (o) => boolObj(data(o).closed) },
    { name: "line_buffering", get: () => boolObj(false) },
  ];
  PyType_Ready(t);
  textIOType = t;
  fileFastPath.write = fastWrite;
  return t;
}

function boolObj(v: boolean): PyObject {
  const r = v ? Py_True : Py_False;
  Py_INCREF(r);
  return r;
}
function boolFalse(): PyObject {
  return boolObj(false);
}

/** PyFile_WriteString's fast path: a standard stream of the exact type writes directly. */
function fastWrite(f: PyObject, text: string): boolean {
  if (f.ob_type !== textIOType) return false;
  hostWrite(data(f), text);
  return true;
}

/** Whether o is one of the standard stream objects (print's fast path). */
export function isStandardStream(o: PyObject): boolean {
  return o.ob_type === textIOType;
}

/** Writes text to a standard stream object (the caller checked isStandardStream). */
export function standardStreamWrite(o: PyObject, text: string): void {
  hostWrite(data(o), text);
}

/** A new standard stream object. */
export function newStandardStream(stream: "stdin" | StreamName): PyObject {
  const t = streamType();
  const o = newObject(t);
  PyObject_Init(o, 200);
  o.ob_data = new StreamData(stream, stream === "stdin" ? "r" : "w");
  return o;
}
