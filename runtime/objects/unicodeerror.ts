// UnicodeEncodeError, UnicodeDecodeError and UnicodeTranslateError (Objects/exceptions.c):
// their arguments (encoding, object, start, end, reason) kept as attributes, and the
// messages str() makes of them ("'ascii' codec can't encode character '\u20ac' in
// position 0: ordinal not in range(128)").

import { argTypeName } from "./argparse.ts";
import { Py_DECREF, Py_INCREF, Py_None, PyObject } from "./object.ts";
import { PyErr_Format } from "./errors.ts";
import {
  BaseException_init,
  ExcData,
  excData,
  PyExc_OverflowError,
  PyExc_TypeError,
  PyExc_UnicodeDecodeError,
  PyExc_UnicodeEncodeError,
  PyExc_UnicodeTranslateError,
} from "./exceptions.ts";
import { PyUnicode_Check, PyUnicode_FromString } from "./unicodeobject.ts";
import { longValue, PyLong_Check, PyLong_FromNumber } from "./longobject.ts";
import { bytesData, bytesLike, PyBytes_Check, PyBytes_FromBytes } from "./bytesobject.ts";
import { PyNumber_AsSsize_t } from "./abstract.ts";
import { PyObject_Str, str } from "./objectops.ts";
import { PyTuple_FromArraySteal, tupleItems } from "./tupleobject.ts";
import { PyUnicode_Type } from "./object.ts";

type Field = "encoding" | "object" | "reason";

function setObject(d: ExcData, key: Field, v: PyObject | null): void {
  if (v !== null) Py_INCREF(v);
  const old = d[key];
  d[key] = v;
  if (old !== null) Py_DECREF(old);
}

/** PyArg_ParseTuple's failures for the "UUnnU"-like formats of the three __init__s. */
function parseArgs(fname: string, args: PyObject, kinds: string): PyObject[] {
  const items = tupleItems(args);
  if (items.length !== kinds.length) {
    throw PyErr_Format(
      PyExc_TypeError,
      `function takes exactly ${kinds.length} arguments (${items.length} given)`,
    );
  }
  items.forEach((o, i) => {
    const kind = kinds[i];
    if (kind === "U" && !PyUnicode_Check(o)) {
      throw PyErr_Format(
        PyExc_TypeError,
        `argument ${i + 1} must be str, not ${argTypeName(o)}`,
      );
    }
    if (kind === "n") {
      if (!PyLong_Check(o) && o.ob_type.nb_index === null) {
        throw PyErr_Format(
          PyExc_TypeError,
          `'${o.ob_type.tp_name}' object cannot be interpreted as an integer`,
        );
      }
    }
  });
  void fname;
  return items;
}

function asIndex(o: PyObject): number {
  return PyNumber_AsSsize_t(o, PyExc_OverflowError);
}

/** UnicodeEncodeError(encoding: str, object: str, start: int, end: int, reason: str) */
export function UnicodeEncodeError_init(self: PyObject, args: PyObject, kwds: PyObject | null) {
  BaseException_init(self, args, kwds);
  const d = excData(self);
  for (const k of ["encoding", "object", "reason"] as const) setObject(d, k, null);
  const [encoding, object, start, end, reason] = parseArgs("UnicodeEncodeError", args, "UUnnU");
  d.start = asIndex(start);
  d.end = asIndex(end);
  setObject(d, "encoding", encoding);
  setObject(d, "object", object);
  setObject(d, "reason", reason);
}

/** UnicodeDecodeError(encoding: str, object: bytes-like, start: int, end: int, reason: str) */
export function UnicodeDecodeError_init(self: PyObject, args: PyObject, kwds: PyObject | null) {
  BaseException_init(self, args, kwds);
  const d = excData(self);
  for (const k of ["encoding", "object", "reason"] as const) setObject(d, k, null);
  const [encoding, object, start, end, reason] = parseArgs("UnicodeDecodeError", args, "UOnnU");
  d.start = asIndex(start);
  d.end = asIndex(end);
  let obj = object;
  if (!PyBytes_Check(obj)) {
    const data = bytesLike(obj);
    if (data === null) {
      throw PyErr_Format(
        PyExc_TypeError,
        `a bytes-like object is required, not '${obj.ob_type.tp_name}'`,
      );
    }
    obj = PyBytes_FromBytes(data.slice());
  } else Py_INCREF(obj);
  setObject(d, "encoding", encoding);
  setObject(d, "object", obj);
  Py_DECREF(obj);
  setObject(d, "reason", reason);
}

/** UnicodeTranslateError(object: str, start: int, end: int, reason: str) */
export function UnicodeTranslateError_init(
  self: PyObject,
  args: PyObject,
  kwds: PyObject | null,
) {
  BaseException_init(self, args, kwds);
  const d = excData(self);
  for (const k of ["object", "reason"] as const) setObject(d, k, null);
  const [object, start, end, reason] = parseArgs("UnicodeTranslateError", args, "UnnU");
  d.start = asIndex(start);
  d.end = asIndex(end);
  setObject(d, "object", object);
  setObject(d, "reason", reason);
}

function strOf(o: PyObject | null): string {
  const s = PyObject_Str(o ?? Py_None);
  try {
    return str(s);
  } finally {
    Py_DECREF(s);
  }
}

/** The code point at index i (counting code points) of a str object. */
function codePointAt(o: PyObject, i: number): number | null {
  let k = 0;
  for (const c of str(o)) {
    if (k++ === i) return c.codePointAt(0)!;
  }
  return null;
}

/** '\xNN', '\uNNNN' or '\UNNNNNNNN', as the messages name a character. */
function charEscape(cp: number): string {
  if (cp <= 0xff) return "\\x" + cp.toString(16).padStart(2, "0");
  if (cp <= 0xffff) return "\\u" + cp.toString(16).padStart(4, "0");
  return "\\U" + cp.toString(16).padStart(8, "0");
}

function oneCharacter(d: ExcData): number | null {
  if (d.object === null || d.object.ob_type !== PyUnicode_Type && !PyUnicode_Check(d.object)) {
    return null;
  }
  if (d.end !== d.start + 1) return null;
  return codePointAt(d.object, d.start);
}

export function UnicodeEncodeError_str(self: PyObject): PyObject {
  const d = excData(self);
  if (d.object === null) return PyUnicode_FromString("");
  const reason = strOf(d.reason), encoding = strOf(d.encoding);
  const cp = oneCharacter(d);
  if (cp !== null) {
    return PyUnicode_FromString(
      `'${encoding}' codec can't encode character '${
        charEscape(cp)
      }' in position ${d.start}: ${reason}`,
    );
  }
  return PyUnicode_FromString(
    `'${encoding}' codec can't encode characters in position ${d.start}-${d.end - 1}: ${reason}`,
  );
}

export function UnicodeDecodeError_str(self: PyObject): PyObject {
  const d = excData(self);
  if (d.object === null) return PyUnicode_FromString("");
  const reason = strOf(d.reason), encoding = strOf(d.encoding);
  const data = bytesData(d.object);
  if (d.start < data.length && d.end === d.start + 1) {
    const b = data[d.start].toString(16).padStart(2, "0");
    return PyUnicode_FromString(
      `'${encoding}' codec can't decode byte 0x${b} in position ${d.start}: ${reason}`,
    );
  }
  return PyUnicode_FromString(
    `'${encoding}' codec can't decode bytes in position ${d.start}-${d.end - 1}: ${reason}`,
  );
}

export function UnicodeTranslateError_str(self: PyObject): PyObject {
  const d = excData(self);
  if (d.object === null) return PyUnicode_FromString("");
  const reason = strOf(d.reason);
  const cp = oneCharacter(d);
  if (cp !== null) {
    return PyUnicode_FromString(
      `can't translate character '${charEscape(cp)}' in position ${d.start}: ${reason}`,
    );
  }
  return PyUnicode_FromString(
    `can't translate characters in position ${d.start}-${d.end - 1}: ${reason}`,
  );
}

const objectMember = (key: Field) => ({
  name: key,
  get: (o: PyObject) => {
    const v = excData(o)[key] ?? Py_None;
    Py_INCREF(v);
    return v;
  },
  set: (o: PyObject, v: PyObject | null) => setObject(excData(o), key, v),
});

const indexMember = (key: "start" | "end") => ({
  name: key,
  get: (o: PyObject) => PyLong_FromNumber(excData(o)[key]),
  set: (o: PyObject, v: PyObject | null) => {
    if (v === null) throw PyErr_Format(PyExc_TypeError, "can't delete numeric/char attribute");
    if (!PyLong_Check(v)) {
      throw PyErr_Format(
        PyExc_TypeError,
        `'${v.ob_type.tp_name}' object cannot be interpreted as an integer`,
      );
    }
    const n = longValue(v);
    if (typeof n === "bigint") {
      throw PyErr_Format(PyExc_OverflowError, "Python int too large to convert to C ssize_t");
    }
    excData(o)[key] = n;
  },
});

const members = () => [
  objectMember("encoding"),
  objectMember("object"),
  indexMember("start"),
  indexMember("end"),
  objectMember("reason"),
];

/** Installs the three types' __init__, __str__ and attributes (from initTypes). */
export function setupUnicodeErrors(): void {
  PyExc_UnicodeEncodeError.tp_init = UnicodeEncodeError_init;
  PyExc_UnicodeEncodeError.tp_str = UnicodeEncodeError_str;
  PyExc_UnicodeEncodeError.tp_members = members();
  PyExc_UnicodeEncodeError.tp_doc = "Unicode encoding error.";
  PyExc_UnicodeDecodeError.tp_init = UnicodeDecodeError_init;
  PyExc_UnicodeDecodeError.tp_str = UnicodeDecodeError_str;
  PyExc_UnicodeDecodeError.tp_members = members();
  PyExc_UnicodeDecodeError.tp_doc = "Unicode decoding error.";
  PyExc_UnicodeTranslateError.tp_init = UnicodeTranslateError_init;
  PyExc_UnicodeTranslateError.tp_str = UnicodeTranslateError_str;
  PyExc_UnicodeTranslateError.tp_members = members();
  PyExc_UnicodeTranslateError.tp_doc = "Unicode translation error.";
}

/** The args tuple of a UnicodeEncodeError or UnicodeDecodeError (new reference). */
export function unicodeErrorArgs(
  encoding: string,
  object: PyObject,
  start: number,
  end: number,
  reason: string,
): PyObject {
  Py_INCREF(object);
  return PyTuple_FromArraySteal([
    PyUnicode_FromString(encoding),
    object,
    PyLong_FromNumber(start),
    PyLong_FromNumber(end),
    PyUnicode_FromString(reason),
  ]);
}
