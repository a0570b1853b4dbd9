// The time module (Modules/timemodule.c): clocks (from the host's performance clock,
// which is all a browser offers too), sleep, struct_time and the conversions between
// seconds since the epoch and broken-down time (UTC and the host's local zone, through
// JavaScript's Date), and strftime with glibc's directives in the C locale. strptime is
// not offered yet.

import {
  METH_FASTCALL,
  METH_NOARGS,
  METH_O,
  Py_DECREF,
  Py_False,
  Py_INCREF,
  Py_None,
  Py_True,
  type PyMethodDef,
  PyObject,
  PySimpleNamespace_Type,
  type PyTypeObject,
} from "../objects/object.ts";
import { PyErr_Format } from "../objects/errors.ts";
import {
  PyExc_KeyboardInterrupt,
  PyExc_OverflowError,
  PyExc_TypeError,
  PyExc_ValueError,
} from "../objects/exceptions.ts";
import { hostState } from "../vm/hoststate.ts";
import { PyFloat_AsDouble, PyFloat_Check, PyFloat_FromDouble } from "../objects/floatobject.ts";
import {
  longValue,
  PyLong_Check,
  PyLong_FromBigInt,
  PyLong_FromNumber,
} from "../objects/longobject.ts";
import { PyNumber_Index } from "../objects/abstract.ts";
import { PyTuple_Check, PyTuple_FromArraySteal } from "../objects/tupleobject.ts";
import { PyUnicode_Check, PyUnicode_FromString } from "../objects/unicodeobject.ts";
import { PyStructSequence_New, PyStructSequence_NewType } from "../objects/structseq.ts";
import { PyDict_New, PyDict_SetItemString } from "../objects/dictobject.ts";
import { PyType_GenericAlloc } from "../objects/typeobject.ts";
import { checkPositional } from "../objects/argparse.ts";
import { str } from "../objects/objectops.ts";
import {
  PyModule_AddIntConstant,
  PyModule_AddObjectSteal,
  PyModule_AddType,
  registerBuiltinModule,
} from "./modsupport.ts";

type Args = (PyObject | null)[];

function none(): PyObject {
  Py_INCREF(Py_None);
  return Py_None;
}

// ---- clocks -------------------------------------------------------------------------------------

/** Seconds since the epoch, with the precision of the host's high-resolution clock. */
function nowSeconds(): number {
  return (performance.timeOrigin + performance.now()) / 1000;
}

function nowNanoseconds(): bigint {
  const ms = performance.timeOrigin + performance.now();
  return BigInt(Math.round(ms * 1000)) * 1000n;
}

/** CPU seconds the process used, from the host; the monotonic clock where it cannot tell. */
function cpuSeconds(): number {
  return hostState.host?.cpuTime?.() ?? monotonicSeconds();
}

/** A monotonic clock in seconds (the performance clock; its origin is arbitrary). */
function monotonicSeconds(): number {
  return performance.now() / 1000;
}

function monotonicNanoseconds(): bigint {
  return BigInt(Math.round(performance.now() * 1e6));
}

// ---- sleep --------------------------------------------------------------------------------------

let sleepCell: Int32Array | null = null;

/**
 * Blocks for ms milliseconds: Atomics.wait where the host allows it, else a busy wait. On
 * the host's shared interrupt flag, so that an interrupt ends the sleep (as SIGINT ends
 * CPython's); true when it did.
 */
function blockFor(ms: number): boolean {
  if (ms <= 0) return false;
  const flag = hostState.interrupt;
  if (flag !== null && flag.buffer instanceof SharedArrayBuffer) {
    try {
      const until = performance.now() + ms;
      for (let left = ms; left > 0; left = until - performance.now()) {
        if (Atomics.load(flag, 0) !== 0) return true;
        Atomics.wait(flag, 0, 0, left);
      }
      return Atomics.load(flag, 0) !== 0;
    } catch {
      // a thread that may not wait: below
    }
  }
  try {
    sleepCell ??= new Int32Array(new SharedArrayBuffer(4));
    Atomics.wait(sleepCell, 0, 0, ms);
    return false;
  } catch {
    // a browser's main thread may not wait
  }
  const until = performance.now() + ms;
  while (performance.now() < until) { /* spin */ }
  return false;
}

/** _PyTime_FromSecondsObject: a float or an int of seconds. */
function secondsArg(o: PyObject): number {
  if (PyFloat_Check(o)) {
    const d = PyFloat_AsDouble(o);
    if (Number.isNaN(d)) throw PyErr_Format(PyExc_ValueError, "Invalid value NaN (not a number)");
    return d;
  }
  return Number(indexOf(o));
}

function indexOf(o: PyObject): number | bigint {
  const i = PyNumber_Index(o);
  const v = longValue(i);
  Py_DECREF(i);
  return v;
}

function time_sleep(_m: PyObject, secs: PyObject): PyObject {
  const s = secondsArg(secs);
  if (s < 0) throw PyErr_Format(PyExc_ValueError, "sleep length must be non-negative");
  if (blockFor(s * 1000)) {
    hostState.interrupt![0] = 0;
    throw PyErr_Format(PyExc_KeyboardInterrupt, "");
  }
  return none();
}

// ---- struct_time and conversions ----------------------------------------------------------------

const STRUCT_TIME_FIELDS = [
  "tm_year",
  "tm_mon",
  "tm_mday",
  "tm_hour",
  "tm_min",
  "tm_sec",
  "tm_wday",
  "tm_yday",
  "tm_isdst",
  "tm_zone",
  "tm_gmtoff",
];

let structTimeType: PyTypeObject | null = null;

function structTime(): PyTypeObject {
  structTimeType ??= PyStructSequence_NewType(
    "time.struct_time",
    STRUCT_TIME_FIELDS,
    "The time value as returned by gmtime(), localtime(), and strptime(), and\n" +
      " accepted by asctime(), mktime() and strftime().  May be considered as a\n" +
      " sequence of 9 integers.",
    9,
    true,
  );
  return structTimeType;
}

/** Broken-down time (C's struct tm, months and days as Python numbers them). */
interface Tm {
  year: number;
  mon: number; // 1-12
  mday: number;
  hour: number;
  min: number;
  sec: number;
  wday: number; // Monday is 0
  yday: number; // 1-366
  isdst: number;
  zone: string;
  gmtoff: number;
}

const MAX_TIME_T = 2 ** 63;

/** Whole seconds from a seconds argument (None is now), floored as time_t is. */
function timeTArg(o: PyObject | null): number {
  if (o === null || o === Py_None) return Math.floor(nowSeconds());
  let s: number;
  if (PyFloat_Check(o)) {
    s = PyFloat_AsDouble(o);
    if (Number.isNaN(s)) throw PyErr_Format(PyExc_ValueError, "Invalid value NaN (not a number)");
    s = Math.trunc(s);
  } else {
    s = Number(indexOf(o));
  }
  if (!(Math.abs(s) < MAX_TIME_T)) {
    throw PyErr_Format(PyExc_OverflowError, "timestamp out of range for platform time_t");
  }
  return s;
}

function dayOfYear(y: number, m: number, d: number): number {
  return (Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 1)) / 86400000 + 1;
}

/** The host zone's offset (seconds east of UTC) at an instant. */
function offsetAt(ms: number): number {
  return -new Date(ms).getTimezoneOffset() * 60;
}

function zoneNames(): [string, string] {
  const y = new Date().getFullYear();
  const jan = new Date(y, 0, 1), jul = new Date(y, 6, 1);
  const name = (d: Date) => {
    const parts = new Intl.DateTimeFormat("en-US", { timeZoneName: "short" }).formatToParts(d);
    return parts.find((p) => p.type === "timeZoneName")?.value ?? "UTC";
  };
  const std = jan.getTimezoneOffset() >= jul.getTimezoneOffset() ? jan : jul;
  const dst = std === jan ? jul : jan;
  return [name(std), name(dst)];
}

function isDst(ms: number): boolean {
  const d = new Date(ms);
  const y = d.getFullYear();
  const jan = new Date(y, 0, 1).getTimezoneOffset(), jul = new Date(y, 6, 1).getTimezoneOffset();
  return jan !== jul && d.getTimezoneOffset() === Math.min(jan, jul);
}

/** gmtime (utc) or localtime of whole seconds since the epoch. */
function brokenDown(secs: number, utc: boolean): Tm {
  const ms = secs * 1000;
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) {
    throw PyErr_Format(PyExc_OverflowError, "timestamp out of range for platform time_t");
  }
  if (utc) {
    const year = d.getUTCFullYear(), mon = d.getUTCMonth() + 1, mday = d.getUTCDate();
    return {
      year,
      mon,
      mday,
      hour: d.getUTCHours(),
      min: d.getUTCMinutes(),
      sec: d.getUTCSeconds(),
      wday: (d.getUTCDay() + 6) % 7,
      yday: dayOfYear(year, mon, mday),
      isdst: 0,
      zone: "GMT",
      gmtoff: 0,
    };
  }
  const year = d.getFullYear(), mon = d.getMonth() + 1, mday = d.getDate();
  const dst = isDst(ms);
  const names = zoneNames();
  return {
    year,
    mon,
    mday,
    hour: d.getHours(),
    min: d.getMinutes(),
    sec: d.getSeconds(),
    wday: (d.getDay() + 6) % 7,
    yday: dayOfYear(year, mon, mday),
    isdst: dst ? 1 : 0,
    zone: dst ? names[1] : names[0],
    gmtoff: offsetAt(ms),
  };
}

function tmToStruct(tm: Tm): PyObject {
  const n = PyLong_FromNumber;
  return PyStructSequence_New(structTime(), [
    n(tm.year),
    n(tm.mon),
    n(tm.mday),
    n(tm.hour),
    n(tm.min),
    n(tm.sec),
    n(tm.wday),
    n(tm.yday),
    n(tm.isdst),
    PyUnicode_FromString(tm.zone),
    n(tm.gmtoff),
  ], 9);
}

function time_gmtime(_m: PyObject, args: Args, off: number, nargs: number): PyObject {
  checkPositional("gmtime", nargs, 0, 1);
  return tmToStruct(brokenDown(timeTArg(nargs ? args[off] : null), true));
}

function time_localtime(_m: PyObject, args: Args, off: number, nargs: number): PyObject {
  checkPositional("localtime", nargs, 0, 1);
  return tmToStruct(brokenDown(timeTArg(nargs ? args[off] : null), false));
}

/** gettmarg: a struct_time or a 9-tuple of ints, with tm_zone/tm_gmtoff if it has them. */
function tmArg(o: PyObject, fname: string): Tm {
  if (!PyTuple_Check(o)) {
    throw PyErr_Format(PyExc_TypeError, "Tuple or struct_time argument required");
  }
  const items = o.ob_item as PyObject[];
  if (items.length !== 9) {
    throw PyErr_Format(PyExc_TypeError, `${fname}(): illegal time tuple argument`);
  }
  const v = items.map((x) => Number(indexOf(x)));
  const hidden = o.ob_type === structTimeType ? (o.ob_data as PyObject[] | null) : null;
  return {
    year: v[0],
    mon: v[1],
    mday: v[2],
    hour: v[3],
    min: v[4],
    sec: v[5],
    wday: v[6],
    yday: v[7],
    isdst: v[8],
    zone: hidden !== null && PyUnicode_Check(hidden[0]) ? str(hidden[0]) : "",
    gmtoff: hidden !== null && PyLong_Check(hidden[1]) ? Number(longValue(hidden[1])) : 0,
  };
}

/**
 * checktm (after gettmarg's conversion to C's struct tm): month 0, day 0 and yday 0 mean
 * the first; the weekday wraps modulo 7 but may not be below -1; out-of-range fields are
 * a ValueError naming the field.
 */
function checkTm(input: Tm): Tm {
  const tm = { ...input };
  const fail = (what: string) => {
    throw PyErr_Format(PyExc_ValueError, `${what} out of range`);
  };
  if (tm.mon === 0) tm.mon = 1;
  else if (tm.mon < 1 || tm.mon > 12) fail("month");
  if (tm.mday === 0) tm.mday = 1;
  else if (tm.mday < 0 || tm.mday > 31) fail("day of month");
  if (tm.hour < 0 || tm.hour > 23) fail("hour");
  if (tm.min < 0 || tm.min > 59) fail("minute");
  if (tm.sec < 0 || tm.sec > 61) fail("seconds");
  const cWday = (tm.wday + 1) % 7; // C's % keeps the sign
  if (cWday < 0) fail("day of week");
  tm.wday = (cWday + 6) % 7;
  if (tm.yday === 0) tm.yday = 1;
  else if (tm.yday < 1 || tm.yday > 366) fail("day of year");
  return tm;
}

function time_mktime(_m: PyObject, arg: PyObject): PyObject {
  const tm = tmArg(arg, "mktime");
  const d = new Date(tm.year, tm.mon - 1, tm.mday, tm.hour, tm.min, tm.sec);
  if (Number.isNaN(d.getTime())) {
    throw PyErr_Format(PyExc_OverflowError, "mktime argument out of range");
  }
  return PyFloat_FromDouble(Math.floor(d.getTime() / 1000));
}

const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

function pad(n: number, width: number, fill = "0"): string {
  const s = String(Math.abs(n));
  return (n < 0 ? "-" : "") + s.padStart(width, fill);
}

/** asctime's layout: "Thu Jan  1 00:00:00 1970". */
function asctime(tm: Tm): string {
  const day = DAYS[((tm.wday % 7) + 7) % 7].slice(0, 3);
  const mon = MONTHS[Math.max(0, tm.mon - 1)].slice(0, 3);
  return `${day} ${mon} ${pad(tm.mday, 2, " ")} ${pad(tm.hour, 2)}:${pad(tm.min, 2)}:${
    pad(tm.sec, 2)
  } ${tm.year}`;
}

function time_asctime(_m: PyObject, args: Args, off: number, nargs: number): PyObject {
  checkPositional("asctime", nargs, 0, 1);
  const tm = nargs ? tmArg(args[off]!, "asctime") : brokenDown(Math.floor(nowSeconds()), false);
  return PyUnicode_FromString(asctime(checkTm(tm)));
}

function time_ctime(_m: PyObject, args: Args, off: number, nargs: number): PyObject {
  checkPositional("ctime", nargs, 0, 1);
  return PyUnicode_FromString(asctime(brokenDown(timeTArg(nargs ? args[off] : null), false)));
}

/** ISO 8601 week-based year and week number (%G, %V). */
function isoWeek(tm: Tm): [number, number] {
  const wday = tm.wday; // Monday 0
  const thursday = tm.yday - wday + 3; // day of year of this week's Thursday
  let year = tm.year;
  let yday = thursday;
  const daysIn = (y: number) => (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 366 : 365);
  if (yday < 1) {
    year--;
    yday += daysIn(year);
  } else if (yday > daysIn(year)) {
    yday -= daysIn(year);
    year++;
  }
  return [year, Math.floor((yday - 1) / 7) + 1];
}

/** C strftime in the C locale, as glibc formats each directive. */
function strftime(fmt: string, tm: Tm): string {
  let out = "";
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i];
    if (c !== "%" || i + 1 >= fmt.length) {
      out += c;
      continue;
    }
    const d = fmt[++i];
    const hour12 = tm.hour % 12 === 0 ? 12 : tm.hour % 12;
    const weekSunday = Math.floor((tm.yday - 1 + 7 - ((tm.wday + 1) % 7)) / 7);
    const weekMonday = Math.floor((tm.yday - 1 + 7 - tm.wday) / 7);
    switch (d) {
      case "a":
        out += DAYS[tm.wday].slice(0, 3);
        break;
      case "A":
        out += DAYS[tm.wday];
        break;
      case "b":
      case "h":
        out += MONTHS[tm.mon - 1].slice(0, 3);
        break;
      case "B":
        out += MONTHS[tm.mon - 1];
        break;
      case "c":
        out += strftime("%a %b %e %H:%M:%S %Y", tm);
        break;
      case "C":
        out += pad(Math.floor(tm.year / 100), 2);
        break;
      case "d":
        out += pad(tm.mday, 2);
        break;
      case "D":
      case "x":
        out += strftime("%m/%d/%y", tm);
        break;
      case "e":
        out += pad(tm.mday, 2, " ");
        break;
      case "F":
        out += strftime("%Y-%m-%d", tm);
        break;
      case "G":
        out += String(isoWeek(tm)[0]);
        break;
      case "g":
        out += pad(isoWeek(tm)[0] % 100, 2);
        break;
      case "H":
        out += pad(tm.hour, 2);
        break;
      case "I":
        out += pad(hour12, 2);
        break;
      case "j":
        out += pad(tm.yday, 3);
        break;
      case "k":
        out += pad(tm.hour, 2, " ");
        break;
      case "l":
        out += pad(hour12, 2, " ");
        break;
      case "m":
        out += pad(tm.mon, 2);
        break;
      case "M":
        out += pad(tm.min, 2);
        break;
      case "n":
        out += "\n";
        break;
      case "p":
        out += tm.hour < 12 ? "AM" : "PM";
        break;
      case "P":
        out += tm.hour < 12 ? "am" : "pm";
        break;
      case "r":
        out += strftime("%I:%M:%S %p", tm);
        break;
      case "R":
        out += strftime("%H:%M", tm);
        break;
      case "s": {
        const local = new Date(tm.year, tm.mon - 1, tm.mday, tm.hour, tm.min, tm.sec);
        out += String(Math.floor(local.getTime() / 1000));
        break;
      }
      case "S":
        out += pad(tm.sec, 2);
        break;
      case "t":
        out += "\t";
        break;
      case "T":
      case "X":
        out += strftime("%H:%M:%S", tm);
        break;
      case "u":
        out += String(tm.wday + 1);
        break;
      case "U":
        out += pad(weekSunday, 2);
        break;
      case "V":
        out += pad(isoWeek(tm)[1], 2);
        break;
      case "w":
        out += String((tm.wday + 1) % 7);
        break;
      case "W":
        out += pad(weekMonday, 2);
        break;
      case "y":
        out += pad(((tm.year % 100) + 100) % 100, 2);
        break;
      case "Y":
        out += String(tm.year);
        break;
      case "z": {
        const off = tm.gmtoff;
        const a = Math.abs(off);
        out += (off < 0 ? "-" : "+") + pad(Math.floor(a / 3600), 2) +
          pad(Math.floor((a % 3600) / 60), 2);
        break;
      }
      case "Z":
        out += tm.zone;
        break;
      case "%":
        out += "%";
        break;
      default:
        // glibc leaves an unknown directive as it is
        out += "%" + d;
    }
  }
  return out;
}

function time_strftime(_m: PyObject, args: Args, off: number, nargs: number): PyObject {
  checkPositional("strftime", nargs, 1, 2);
  const fmtO = args[off]!;
  if (!PyUnicode_Check(fmtO)) {
    throw PyErr_Format(
      PyExc_TypeError,
      `strftime() argument 1 must be str, not ${fmtO.ob_type.tp_name}`,
    );
  }
  let tm: Tm;
  if (nargs > 1) {
    tm = checkTm(tmArg(args[off + 1]!, "strftime"));
    if (!tm.zone && args[off + 1]!.ob_type !== structTimeType) {
      const local = brokenDown(Math.floor(nowSeconds()), false);
      tm.zone = tm.isdst > 0 ? zoneNames()[1] : zoneNames()[0];
      tm.gmtoff = local.gmtoff;
    }
  } else {
    tm = brokenDown(Math.floor(nowSeconds()), false);
  }
  return PyUnicode_FromString(strftime(str(fmtO), tm));
}

// ---- get_clock_info -----------------------------------------------------------------------------

function time_get_clock_info(_m: PyObject, name: PyObject): PyObject {
  const clocks: Record<string, [string, boolean, boolean]> = {
    time: ["clock_gettime(CLOCK_REALTIME)", false, true],
    monotonic: ["clock_gettime(CLOCK_MONOTONIC)", true, false],
    perf_counter: ["clock_gettime(CLOCK_MONOTONIC)", true, false],
    process_time: ["clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", true, false],
    thread_time: ["clock_gettime(CLOCK_THREAD_CPUTIME_ID)", true, false],
  };
  const key = PyUnicode_Check(name) ? str(name) : "";
  const info = clocks[key];
  if (info === undefined) throw PyErr_Format(PyExc_ValueError, "unknown clock");
  const ns = PyType_GenericAlloc(PySimpleNamespace_Type, 0);
  const d = PyDict_New();
  ns.ob_dict = d;
  const put = (k: string, v: PyObject) => {
    PyDict_SetItemString(d, k, v);
    Py_DECREF(v);
  };
  const bool = (b: boolean) => {
    const r = b ? Py_True : Py_False;
    Py_INCREF(r);
    return r;
  };
  put("implementation", PyUnicode_FromString(info[0]));
  put("monotonic", bool(info[1]));
  put("adjustable", bool(info[2]));
  put("resolution", PyFloat_FromDouble(1e-9));
  return ns;
}

// ---- the module ---------------------------------------------------------------------------------

function noargs(name: string, f: () => PyObject): PyMethodDef {
  return { ml_name: name, ml_meth: f, ml_flags: METH_NOARGS };
}

const methods: PyMethodDef[] = [
  noargs("time", () => PyFloat_FromDouble(nowSeconds())),
  noargs("time_ns", () => PyLong_FromBigInt(nowNanoseconds())),
  noargs("monotonic", () => PyFloat_FromDouble(monotonicSeconds())),
  noargs("monotonic_ns", () => PyLong_FromBigInt(monotonicNanoseconds())),
  noargs("perf_counter", () => PyFloat_FromDouble(monotonicSeconds())),
  noargs("perf_counter_ns", () => PyLong_FromBigInt(monotonicNanoseconds())),
  noargs("process_time", () => PyFloat_FromDouble(cpuSeconds())),
  noargs("process_time_ns", () => PyLong_FromBigInt(BigInt(Math.round(cpuSeconds() * 1e9)))),
  // the host tells the process's CPU time only; glasspy runs Python on one thread
  noargs("thread_time", () => PyFloat_FromDouble(cpuSeconds())),
  noargs("thread_time_ns", () => PyLong_FromBigInt(BigInt(Math.round(cpuSeconds() * 1e9)))),
  { ml_name: "sleep", ml_meth: time_sleep, ml_flags: METH_O },
  { ml_name: "gmtime", ml_meth: time_gmtime, ml_flags: METH_FASTCALL },
  { ml_name: "localtime", ml_meth: time_localtime, ml_flags: METH_FASTCALL },
  { ml_name: "mktime", ml_meth: time_mktime, ml_flags: METH_O },
  { ml_name: "asctime", ml_meth: time_asctime, ml_flags: METH_FASTCALL },
  { ml_name: "ctime", ml_meth: time_ctime, ml_flags: METH_FASTCALL },
  { ml_name: "strftime", ml_meth: time_strftime, ml_flags: METH_FASTCALL },
  { ml_name: "get_clock_info", ml_meth: time_get_clock_info, ml_flags: METH_O },
];

registerBuiltinModule({
  name: "time",
  doc: "This module provides various functions to manipulate time values.",
  methods,
  exec(mod) {
    PyModule_AddType(mod, structTime());
    const now = Date.now();
    const y = new Date(now).getFullYear();
    const janOff = offsetAt(new Date(y, 0, 1).getTime());
    const julOff = offsetAt(new Date(y, 6, 1).getTime());
    const stdOff = Math.min(janOff, julOff), dstOff = Math.max(janOff, julOff);
    PyModule_AddIntConstant(mod, "timezone", -stdOff);
    PyModule_AddIntConstant(mod, "altzone", -dstOff);
    PyModule_AddIntConstant(mod, "daylight", janOff !== julOff ? 1 : 0);
    const [std, dst] = zoneNames();
    PyModule_AddObjectSteal(
      mod,
      "tzname",
      PyTuple_FromArraySteal([PyUnicode_FromString(std), PyUnicode_FromString(dst)]),
    );
    for (
      const [name, v] of [
        ["CLOCK_REALTIME", 0],
        ["CLOCK_MONOTONIC", 1],
        ["CLOCK_PROCESS_CPUTIME_ID", 2],
        ["CLOCK_THREAD_CPUTIME_ID", 3],
        ["CLOCK_MONOTONIC_RAW", 4],
        ["CLOCK_BOOTTIME", 7],
        ["CLOCK_TAI", 11],
      ] as const
    ) PyModule_AddIntConstant(mod, name, v);
  },
});
