// printf-style formatting: str % args (Objects/unicodeobject.c PyUnicode_Format).

import { Py_DECREF, PyFloat_Type, PyObject, PyUnicode_Type } from "./object.ts";
import { PyErr_Format } from "./errors.ts";
import { PyExc_OverflowError, PyExc_TypeError, PyExc_ValueError } from "./exceptions.ts";
import { PyObject_ASCII, PyObject_Repr, PyObject_Str, str } from "./objectops.ts";
import { PyTuple_Check } from "./tupleobject.ts";
import {
  PyIndex_Check,
  PyNumber_Index,
  PyNumber_Long,
  PyObject_GetItem,
  PySequence_Check,
} from "./abstract.ts";
import { longFormatBinary, longToDecimalString, longValue, PyLong_Check } from "./longobject.ts";
import { doubleToString, DTSF_ALT } from "./floatformat.ts";
import { _Py_ID, pyLength, PyUnicode_Check, PyUnicode_FromString } from "./unicodeobject.ts";
import { bufferOf } from "./bytes_methods.ts";
import { PyBytes_FromBytes } from "./bytesobject.ts";
import { lookupMaybeMethod } from "./typeobject.ts";
import { PyObject_CallNoArgs, PyObject_Vectorcall } from "./call.ts";
import { PyFloat_AsDouble, PyFloat_Check } from "./floatobject.ts";

function argItems(args: PyObject): PyObject[] {
  return PyTuple_Check(args) ? args.ob_item as PyObject[] : [args];
}

function formatNumberBody(
  v: number | bigint,
  conv: string,
  alt: boolean,
): { neg: boolean; body: string; prefix: string } {
  const neg = v < 0;
  const abs = neg ? -v : v;
  switch (conv) {
    case "x":
      return { neg, body: longFormatBinary(abs, 16, false), prefix: alt ? "0x" : "" };
    case "X":
      return { neg, body: longFormatBinary(abs, 16, false).toUpperCase(), prefix: alt ? "0X" : "" };
    case "o":
      return { neg, body: longFormatBinary(abs, 8, false), prefix: alt ? "0o" : "" };
    default:
      return { neg, body: longToDecimalString(abs), prefix: "" };
  }
}

/** str % args */
export function PyUnicode_Format(format: string, args: PyObject, bytesMode = false): string {
  const items = argItems(args);
  const isMapping = !PyTuple_Check(args) && args.ob_type.mp_subscript !== null &&
    (bytesMode ? bufferOf(args) === null : !PyUnicode_Check(args));
  let argidx = 0;
  const nextArg = (): PyObject => {
    if (argidx >= items.length) {
      throw PyErr_Format(PyExc_TypeError, "not enough arguments for format string");
    }
    return items[argidx++];
  };
  let out = "";
  let i = 0;
  const n = format.length;
  let usedDict = false;
  while (i < n) {
    const c = format[i];
    if (c !== "%") {
      out += c;
      i++;
      continue;
    }
    i++;
    if (i >= n) throw PyErr_Format(PyExc_ValueError, "incomplete format");
    if (format[i] === "%") {
      // only "%%" itself: a '%' after flags or a width is an unsupported conversion
      out += "%";
      i++;
      continue;
    }
    let key: PyObject | null = null;
    if (format[i] === "(") {
      if (!isMapping) throw PyErr_Format(PyExc_TypeError, "format requires a mapping");
      let depth = 1;
      const start = ++i;
      while (i < n && depth > 0) {
        if (format[i] === "(") depth++;
        else if (format[i] === ")") depth--;
        i++;
      }
      if (depth > 0) throw PyErr_Format(PyExc_ValueError, "incomplete format key");
      const keyText = format.slice(start, i - 1);
      const k = bytesMode
        ? PyBytes_FromBytes(Uint8Array.from(keyText, (c) => c.charCodeAt(0)))
        : PyUnicode_FromString(keyText);
      try {
        key = PyObject_GetItem(args, k);
      } finally {
        Py_DECREF(k);
      }
      usedDict = true;
    }
    let flagMinus = false, flagPlus = false, flagSpace = false, flagAlt = false, flagZero = false;
    for (; i < n; i++) {
      const f = format[i];
      if (f === "-") flagMinus = true;
      else if (f === "+") flagPlus = true;
      else if (f === " ") flagSpace = true;
      else if (f === "#") flagAlt = true;
      else if (f === "0") flagZero = true;
      else break;
    }
    let width = -1;
    if (format[i] === "*") {
      const w = nextArg();
      if (!PyLong_Check(w)) throw PyErr_Format(PyExc_TypeError, "* wants int");
      width = Number(longValue(w));
      if (width < 0) {
        flagMinus = true;
        width = -width;
      }
      i++;
    } else {
      const start = i;
      while (i < n && format[i] >= "0" && format[i] <= "9") i++;
      if (i > start) width = Number(format.slice(start, i));
    }
    let prec = -1;
    if (format[i] === ".") {
      i++;
      if (format[i] === "*") {
        const p = nextArg();
        if (!PyLong_Check(p)) throw PyErr_Format(PyExc_TypeError, "* wants int");
        prec = Math.max(0, Number(longValue(p)));
        i++;
      } else {
        const start = i;
        while (i < n && format[i] >= "0" && format[i] <= "9") i++;
        prec = i > start ? Number(format.slice(start, i)) : 0;
      }
    }
    while (i < n && (format[i] === "h" || format[i] === "l" || format[i] === "L")) i++;
    if (i >= n) throw PyErr_Format(PyExc_ValueError, "incomplete format");
    const conv = format[i++];
    const arg = key ?? nextArg();
    let sign = "";
    let prefix = "";
    let body: string;
    let numeric = false;
    try {
      switch (conv) {
        case "b":
        case "s":
        case "r":
        case "a": {
          if (bytesMode && (conv === "s" || conv === "b")) {
            body = bytesArgText(arg);
            if (prec >= 0) body = body.slice(0, prec);
            break;
          }
          if (conv === "b") throw unsupported(conv, i, format);
          const f = conv === "s"
            ? PyObject_Str
            : conv === "r" && !bytesMode
            ? PyObject_Repr
            : PyObject_ASCII;
          const r = f(arg);
          body = str(r);
          Py_DECREF(r);
          if (prec >= 0) body = [...body].slice(0, prec).join("");
          break;
        }
        case "d":
        case "i":
        case "u":
        case "x":
        case "X":
        case "o": {
          numeric = true;
          let num: PyObject;
          if (conv === "d" || conv === "i" || conv === "u") {
            if (
              !PyLong_Check(arg) && !(PyFloat_Check(arg)) && arg.ob_type.nb_int === null &&
              !PyIndex_Check(arg)
            ) {
              throw PyErr_Format(
                PyExc_TypeError,
                `%${conv} format: a real number is required, not ${arg.ob_type.tp_name}`,
              );
            }
            num = PyNumber_Long(arg);
          } else {
            if (!PyIndex_Check(arg)) {
              throw PyErr_Format(
                PyExc_TypeError,
                `%${conv} format: an integer is required, not ${arg.ob_type.tp_name}`,
              );
            }
            num = PyNumber_Index(arg);
          }
          const v = longValue(num);
          Py_DECREF(num);
          const r = formatNumberBody(v, conv, flagAlt);
          body = r.body;
          prefix = r.prefix;
          if (prec > body.length) body = "0".repeat(prec - body.length) + body;
          sign = r.neg ? "-" : flagPlus ? "+" : flagSpace ? " " : "";
          break;
        }
        case "e":
        case "E":
        case "f":
        case "F":
        case "g":
        case "G": {
          numeric = true;
          const x = PyFloat_AsDouble(arg);
          let flags = 0;
          if (flagAlt) flags |= DTSF_ALT;
          const text = doubleToString(x, conv, prec < 0 ? 6 : prec, flags);
          const negative = text.startsWith("-");
          body = negative ? text.slice(1) : text;
          sign = negative ? "-" : flagPlus ? "+" : flagSpace ? " " : "";
          break;
        }
        case "c": {
          if (bytesMode) {
            body = bytesChar(arg);
            break;
          }
          if (arg.ob_type === PyUnicode_Type) {
            if (pyLength(str(arg)) !== 1) {
              throw PyErr_Format(PyExc_TypeError, "%c requires int or char");
            }
            body = str(arg);
          } else if (PyLong_Check(arg)) {
            const v = Number(longValue(arg));
            if (v < 0 || v > 0x10ffff) {
              throw PyErr_Format(PyExc_OverflowError, "%c arg not in range(0x110000)");
            }
            body = String.fromCodePoint(v);
          } else {
            throw PyErr_Format(PyExc_TypeError, "%c requires int or char");
          }
          break;
        }
        default:
          throw unsupported(conv, i, format);
      }
    } finally {
      if (key !== null) Py_DECREF(key);
    }
    const len = pyLength(sign) + pyLength(prefix) + pyLength(body);
    if (width > len) {
      const padLen = width - len;
      if (flagMinus) body = sign + prefix + body + " ".repeat(padLen);
      else if (flagZero && numeric) body = sign + prefix + "0".repeat(padLen) + body;
      else body = " ".repeat(padLen) + sign + prefix + body;
    } else {
      body = sign + prefix + body;
    }
    out += body;
  }
  if (argidx < items.length && !usedDict && !isMapping) {
    throw PyErr_Format(
      PyExc_TypeError,
      `not all arguments converted during ${bytesMode ? "bytes" : "string"} formatting`,
    );
  }
  return out;
}

function unsupported(conv: string, i: number, format: string): PyObject {
  void format;
  const code = conv.charCodeAt(0);
  return PyErr_Format(
    PyExc_ValueError,
    code < 128
      ? `unsupported format character '${conv}' (0x${code.toString(16)}) at index ${i - 1}`
      : `unsupported format character '${conv}' (0x${code.toString(16)}) at index ${i - 1}`,
  );
}

/** %s and %b of bytes formatting: a buffer's bytes, or what __bytes__ gives. */
function bytesArgText(arg: PyObject): string {
  const b = bufferOf(arg);
  if (b !== null) return latin1Text(b);
  const [func, unbound] = lookupMaybeMethod(arg, _Py_ID("__bytes__"));
  if (func === null || arg.ob_type === PyUnicode_Type) {
    if (func !== null) Py_DECREF(func);
    throw PyErr_Format(
      PyExc_TypeError,
      `%b requires a bytes-like object, or an object that implements __bytes__, not '${arg.ob_type.tp_name}'`,
    );
  }
  let r: PyObject;
  try {
    r = unbound ? PyObject_Vectorcall(func, [arg], 0, 1, null) : PyObject_CallNoArgs(func);
  } finally {
    Py_DECREF(func);
  }
  try {
    const rb = bufferOf(r);
    if (rb === null || !(r.ob_type.tp_flags & (1 << 27))) {
      throw PyErr_Format(
        PyExc_TypeError,
        `__bytes__ returned non-bytes (type ${r.ob_type.tp_name})`,
      );
    }
    return latin1Text(rb);
  } finally {
    Py_DECREF(r);
  }
}

/** %c of bytes formatting: an int in range(256) or a single byte. */
function bytesChar(arg: PyObject): string {
  const b = bufferOf(arg);
  if (b !== null && arg.ob_type.tp_name !== "memoryview") {
    if (b.length === 1) return String.fromCharCode(b[0]);
  } else if (PyLong_Check(arg)) {
    const v = longValue(arg);
    if (v < 0 || v > 255) throw PyErr_Format(PyExc_OverflowError, "%c arg not in range(256)");
    return String.fromCharCode(Number(v));
  }
  throw PyErr_Format(
    PyExc_TypeError,
    "%c requires an integer in range(256) or a single byte",
  );
}

function latin1Text(b: Uint8Array): string {
  let s = "";
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192));
  return s;
}

export { PyFloat_Type, PySequence_Check };
