// printf-style formatting: str % args (Objects/unicodeobject.c PyUnicode_Format).

import { Py_DECREF, PyFloat_Type, PyObject, PyUnicode_Type } from "./object.ts";
import { PyErr_Format } from "./errors.ts";
import { PyExc_OverflowError, PyExc_TypeError, PyExc_ValueError } from "./exceptions.ts";
import { PyObject_ASCII, PyObject_Repr, PyObject_Str, str } from "./objectops.ts";
import { PyTuple_Check } from "./tupleobject.ts";
import {
  PyIndex_Check,
  PyNumber_Float,
  PyNumber_Index,
  PyNumber_Long,
  PyObject_GetItem,
  PySequence_Check,
} from "./abstract.ts";
import { longFormatBinary, longToDecimalString, longValue, PyLong_Check } from "./longobject.ts";
import { formatExp, formatFixed, formatGeneral } from "./floatformat.ts";
import { pyLength, PyUnicode_FromString } from "./unicodeobject.ts";
import { PyFloat_Check } from "./floatobject.ts";

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
export function PyUnicode_Format(format: string, args: PyObject): string {
  const items = argItems(args);
  const isMapping = !PyTuple_Check(args) && args.ob_type.mp_subscript !== null &&
    args.ob_type !== PyUnicode_Type;
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
      const k = PyUnicode_FromString(format.slice(start, i - 1));
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
    if (conv === "%") {
      out += "%";
      continue;
    }
    const arg = key ?? nextArg();
    let sign = "";
    let prefix = "";
    let body: string;
    let numeric = false;
    try {
      switch (conv) {
        case "s":
        case "r":
        case "a": {
          const f = conv === "s" ? PyObject_Str : conv === "r" ? PyObject_Repr : PyObject_ASCII;
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
          const fo = PyNumber_Float(arg);
          const x = fo.ob_val as number;
          Py_DECREF(fo);
          const p = prec < 0 ? 6 : prec;
          const ax = Math.abs(x);
          if (Number.isNaN(x)) body = conv === conv.toUpperCase() ? "NAN" : "nan";
          else if (!Number.isFinite(x)) body = conv === conv.toUpperCase() ? "INF" : "inf";
          else if (conv === "e" || conv === "E") body = formatExp(ax, p, conv === "E");
          else if (conv === "f" || conv === "F") body = formatFixed(ax, p);
          else body = formatGeneral(ax, p === 0 ? 1 : p, conv === "G", flagAlt);
          if (flagAlt && !body.includes(".") && (conv === "f" || conv === "F")) body += ".";
          const neg = x < 0 || Object.is(x, -0);
          sign = neg ? "-" : flagPlus ? "+" : flagSpace ? " " : "";
          break;
        }
        case "c": {
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
          throw PyErr_Format(
            PyExc_ValueError,
            `unsupported format character '${conv}' (0x${
              conv.charCodeAt(0).toString(16)
            }) at index ${i - 1}`,
          );
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
    throw PyErr_Format(PyExc_TypeError, "not all arguments converted during string formatting");
  }
  return out;
}

export { PyFloat_Type, PySequence_Check };
