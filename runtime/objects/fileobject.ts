// Writing objects to Python file objects (Objects/fileobject.c): PyFile_WriteObject and
// PyFile_WriteString, which print() and the traceback printer use. A file is anything
// with a `write` method; the standard streams have a fast path (modules/textio.ts).

import { Py_DECREF, PyObject } from "./object.ts";
import { _Py_ID, PyUnicode_FromString } from "./unicodeobject.ts";
import { PyObject_GetAttr, PyObject_Repr, PyObject_Str } from "./objectops.ts";
import { PyObject_CallOneArg } from "./call.ts";

/** Py_PRINT_RAW: write str(v) rather than repr(v). */
export const Py_PRINT_RAW = 1;

/** A fast writer for a file object, or null (set by the standard streams' module). */
export const fileFastPath: { write: ((f: PyObject, text: string) => boolean) | null } = {
  write: null,
};

/** PyFile_WriteObject: f.write(str(v)) or f.write(repr(v)). */
export function PyFile_WriteObject(v: PyObject, f: PyObject, flags: number): void {
  const writer = PyObject_GetAttr(f, _Py_ID("write"));
  let value: PyObject;
  try {
    value = flags & Py_PRINT_RAW ? PyObject_Str(v) : PyObject_Repr(v);
  } catch (e) {
    Py_DECREF(writer);
    throw e;
  }
  try {
    Py_DECREF(PyObject_CallOneArg(writer, value));
  } finally {
    Py_DECREF(value);
    Py_DECREF(writer);
  }
}

/** PyFile_WriteString: f.write(text). */
export function PyFile_WriteString(text: string, f: PyObject): void {
  const fast = fileFastPath.write;
  if (fast !== null && fast(f, text)) return;
  const s = PyUnicode_FromString(text);
  try {
    PyFile_WriteObject(s, f, Py_PRINT_RAW);
  } finally {
    Py_DECREF(s);
  }
}
