// Generators and coroutines (Objects/genobject.c): the generator owns a copy of the frame
// RETURN_GENERATOR made; each send/next runs that frame in its own eval invocation until
// it yields or returns. close(), throw(), finalization at deallocation (a suspended
// generator is closed: its finally blocks run), and `yield from` delegation.

import { CO } from "../compiler/code.ts";
import { PyObject_ClearWeakRefs } from "../memory/weakrefs.ts";
import {
  newObject,
  Py_DECREF,
  Py_INCREF,
  Py_None,
  Py_XDECREF,
  PyAsyncGen_Type,
  PyCoro_Type,
  PyGen_Type,
  PyObject,
  PyObject_GC_Del,
  PyObject_GC_Init,
  PyObject_GC_Track,
  PyObject_GC_UnTrack,
  PyType_IsSubtype,
  type PyTypeObject,
  type visitproc,
} from "../objects/object.ts";
import { funcData } from "../objects/funcobject.ts";
import { ExcInfo, tstate } from "../objects/pystate.ts";
import { clearFrame, Frame, FRAME_OWNED_BY_GENERATOR, getFrameObject, vmstack } from "./frame.ts";
import { evalCompiledFrame, evalFrame } from "./eval.ts";
import { instrument } from "./instrument.ts";
import { PyErr_Format, PyErr_SetNone, PyErr_SetObject } from "../objects/errors.ts";
import {
  excData,
  PyExc_GeneratorExit,
  PyExc_RuntimeError,
  PyExc_StopIteration,
  PyExc_TypeError,
  PyExc_ValueError,
  PyException_SetCause,
  PyException_SetTraceback,
  PyExceptionClass_Check,
  PyExceptionInstance_Check,
} from "../objects/exceptions.ts";
import { PyUnicode_FromString } from "../objects/unicodeobject.ts";
import { addressOf } from "../memory/obmalloc.ts";
import { _PyObject_LookupAttr, PyObject_GetAttr, str } from "../objects/objectops.ts";
import { importModule } from "./imports.ts";
import { PyObject_CallNoArgs, PyObject_CallOneArg, PyObject_Vectorcall } from "../objects/call.ts";
import { _Py_ID } from "../objects/unicodeobject.ts";
import { writeUnraisable } from "../objects/unraisable.ts";
import { lookupMaybeMethod, PyObject_CallFinalizerFromDealloc } from "../objects/typeobject.ts";
import { PyIter_Check } from "../objects/abstract.ts";
import { Op } from "../compiler/opcode.ts";

export const FRAME_CREATED = -2;
export const FRAME_SUSPENDED = -1;
export const FRAME_EXECUTING = 0;
export const FRAME_COMPLETED = 1;
export const FRAME_CLEARED = 4;

export class GenData {
  // (declared and set in the constructor: see AttrCache in specialize.ts)
  declare frameState: number;
  declare readonly excState: ExcInfo;
  declare frame: Frame;
  declare name: PyObject;
  declare qualname: PyObject;
  declare code: PyObject;
  constructor(frame: Frame, name: PyObject, qualname: PyObject, code: PyObject) {
    this.frameState = FRAME_CREATED;
    this.excState = new ExcInfo(null);
    this.frame = frame;
    this.name = name;
    this.qualname = qualname;
    this.code = code;
  }
}

export interface PyGenObject extends PyObject {
  ob_data: GenData;
}

export function genData(g: PyObject): GenData {
  return (g as PyGenObject).ob_data;
}

export function PyGen_CheckExact(o: PyObject): boolean {
  return o.ob_type === PyGen_Type;
}

/** _Py_MakeCoro + _PyFrame_Copy: a generator owning a copy of the frame's contents. */
export function makeGenerator(frame: Frame): PyObject {
  const co = frame.code;
  const type: PyTypeObject = co.co_flags & CO.COROUTINE
    ? PyCoro_Type
    : co.co_flags & CO.ASYNC_GENERATOR
    ? PyAsyncGen_Type
    : PyGen_Type;
  const gen = newObject(type) as PyGenObject;
  PyObject_GC_Init(gen, type.tp_basicsize + 8 * (co.co_nlocalsplus + co.co_stacksize));
  const fd = funcData(frame.f_func);
  Py_INCREF(fd.name);
  Py_INCREF(fd.qualname);
  Py_INCREF(frame.f_code);
  const gf = new Frame();
  gf.f_func = frame.f_func;
  gf.f_code = frame.f_code;
  gf.code = frame.code;
  gf.f_globals = frame.f_globals;
  gf.f_builtins = frame.f_builtins;
  gf.f_locals = frame.f_locals;
  gf.prev_instr = frame.prev_instr;
  gf.localsplus = frame.localsplus.slice(frame.base, frame.sp);
  for (let i = frame.base; i < frame.sp; i++) frame.localsplus[i] = null;
  gf.base = 0;
  gf.sp = frame.sp - frame.base;
  gf.owner = FRAME_OWNED_BY_GENERATOR;
  gf.generator = gen;
  gf.previous = null;
  if (frame.frame_obj !== null) {
    gf.frame_obj = frame.frame_obj;
    frame.frame_obj = null;
  }
  gen.ob_data = new GenData(gf, fd.name, fd.qualname, frame.f_code);
  PyObject_GC_Track(gen);
  return gen;
}

/** The result kinds of gen_send_ex2. */
export type SendResult = ["next" | "return", PyObject];

/** Whether the last genResume returned (true) or yielded (false). */
const resumeOut = { returned: false };

/**
 * gen_send_ex2: resumes the generator with arg (or raises exc in it). Returns
 * ["next", value] on a yield, ["return", value] when it returns; throws on error.
 */
function genSendEx2(
  gen: PyObject,
  arg: PyObject | null,
  exc: PyObject | null,
  closing: boolean,
): SendResult {
  const value = genResume(gen, arg, exc, closing);
  return [resumeOut.returned ? "return" : "next", value];
}

/** gen_send_ex2 without a result pair: the value, and resumeOut.returned says which. */
function genResume(
  gen: PyObject,
  arg: PyObject | null,
  exc: PyObject | null,
  closing: boolean,
): PyObject {
  const g = genData(gen);
  const frame = g.frame;
  if (g.frameState === FRAME_CREATED && arg !== null && arg !== Py_None) {
    if (exc !== null) Py_DECREF(exc);
    throw PyErr_Format(
      PyExc_TypeError,
      gen.ob_type === PyCoro_Type
        ? "can't send non-None value to a just-started coroutine"
        : "can't send non-None value to a just-started generator",
    );
  }
  if (g.frameState === FRAME_EXECUTING) {
    if (exc !== null) Py_DECREF(exc);
    throw PyErr_Format(
      PyExc_ValueError,
      gen.ob_type === PyCoro_Type ? "coroutine already executing" : "generator already executing",
    );
  }
  if (g.frameState >= FRAME_COMPLETED) {
    if (gen.ob_type === PyCoro_Type && !closing) {
      if (exc !== null) Py_DECREF(exc);
      throw PyErr_Format(PyExc_RuntimeError, "cannot reuse already awaited coroutine");
    }
    if (exc !== null) throw exc;
    // An exhausted generator: send() sees None returned; next() sees the end with no
    // exception (gen_iternext gives null for None).
    Py_INCREF(Py_None);
    resumeOut.returned = true;
    return Py_None;
  }
  const result = arg ?? Py_None;
  Py_INCREF(result);
  frame.localsplus[frame.sp++] = result;
  const excState = g.excState;
  excState.previous_item = tstate.exc_info;
  tstate.exc_info = excState;
  if (exc !== null) chainStackItem(exc);
  g.frameState = FRAME_EXECUTING;
  let value: PyObject | null = null;
  let error: unknown = null;
  try {
    // compiled code resumes directly (evalFrame would only dispatch to it)
    const cj = frame.code.jit;
    value = exc === null && cj !== null && !instrument.active
      ? evalCompiledFrame(frame, cj)
      : evalFrame(frame, exc);
  } catch (e) {
    error = e;
  }
  if (g.frameState === FRAME_EXECUTING) g.frameState = FRAME_COMPLETED;
  tstate.exc_info = excState.previous_item!;
  excState.previous_item = null;
  frame.previous = null;
  if (value !== null && g.frameState === FRAME_SUSPENDED) {
    resumeOut.returned = false;
    return value;
  }
  return genEnded(gen, g, value, error);
}

/**
 * The end of genResume when the generator did not yield: it returned value, or raised
 * error (a StopIteration becomes RuntimeError); its frame is released either way. Throws
 * the error, or returns the value with resumeOut.returned set.
 */
function genEnded(gen: PyObject, g: GenData, value: PyObject | null, error: unknown): PyObject {
  const frame = g.frame;
  const excState = g.excState;
  if (error !== null) {
    if (error instanceof PyObject && PyType_IsSubtype(error.ob_type, PyExc_StopIteration)) {
      const msg = gen.ob_type === PyCoro_Type
        ? "coroutine raised StopIteration"
        : "generator raised StopIteration";
      const re = PyErr_Format(PyExc_RuntimeError, msg);
      PyException_SetCause(re, error);
      excData(re).context ??= (Py_INCREF(error), error);
      error = re;
    }
  }
  // The generator cannot be resumed: release the frame.
  const ev = excState.exc_value;
  excState.exc_value = null;
  Py_XDECREF(ev);
  g.frameState = FRAME_CLEARED;
  clearGenFrame(frame);
  if (error !== null) throw error;
  resumeOut.returned = true;
  return value!;
}

function clearGenFrame(frame: Frame): void {
  frame.previous = null;
  clearFrame(frame);
  frame.sp = 0;
}

/** _PyErr_ChainStackItem: the thrown exception gets the generator's handled one as context. */
function chainStackItem(exc: PyObject): void {
  let info: ExcInfo | null = tstate.exc_info.previous_item;
  while (info !== null && (info.exc_value === null || info.exc_value === Py_None)) {
    info = info.previous_item;
  }
  if (info === null || info.exc_value === null) return;
  const ctx = info.exc_value;
  if (ctx === exc || excData(exc).context !== null) return;
  Py_INCREF(ctx);
  excData(exc).context = ctx;
}

/** PyIter_Send for SEND on a generator: ["next", v] or ["return", v]. */
export function genSend(gen: PyObject, arg: PyObject): SendResult {
  return genSendEx2(gen, arg, null, false);
}

/** gen_iternext: the next value, or null when the generator returned None. */
export function gen_iternext(gen: PyObject): PyObject | null {
  const g = genData(gen);
  const frame = g.frame;
  const cj = frame.code.jit;
  let value: PyObject;
  if (g.frameState < FRAME_EXECUTING && cj !== null && !instrument.active) {
    // genResume's commonest case written out: a new or suspended generator resumed with
    // None into its compiled code (which runs uncounted: plain increments)
    Py_None.ob_refcnt++;
    frame.localsplus[frame.sp++] = Py_None;
    const excState = g.excState;
    excState.previous_item = tstate.exc_info;
    tstate.exc_info = excState;
    g.frameState = FRAME_EXECUTING;
    let result: PyObject | null = null;
    let error: unknown = null;
    try {
      result = evalCompiledFrame(frame, cj);
    } catch (e) {
      error = e;
    }
    if (g.frameState === FRAME_EXECUTING) g.frameState = FRAME_COMPLETED;
    tstate.exc_info = excState.previous_item!;
    excState.previous_item = null;
    frame.previous = null;
    if (result !== null && g.frameState === FRAME_SUSPENDED) return result;
    value = genEnded(gen, g, result, error);
  } else {
    value = genResume(gen, null, null, false);
    if (!resumeOut.returned) return value;
  }
  if (value === Py_None) {
    Py_DECREF(value);
    return null;
  }
  const e = PyErr_SetObject(PyExc_StopIteration, value);
  Py_DECREF(value);
  throw e;
}

/** gen.send(value) */
export function gen_send(gen: PyObject, arg: PyObject): PyObject {
  const [kind, value] = genSendEx2(gen, arg, null, false);
  if (kind === "next") return value;
  let e: PyObject;
  if (value === Py_None) e = PyErr_SetNone(PyExc_StopIteration);
  else e = PyErr_SetObject(PyExc_StopIteration, value);
  Py_DECREF(value);
  throw e;
}

/** The object a suspended `yield from` / `await` delegates to (_PyGen_yf), or null. */
export function genYieldFrom(gen: PyObject): PyObject | null {
  const g = genData(gen);
  if (g.frameState >= FRAME_CLEARED || g.frameState === FRAME_CREATED) return null;
  const frame = g.frame;
  const next = frame.code.instrs[frame.prev_instr + 1];
  if ((next & 255) !== Op.RESUME || (next >> 8) < 2) return null;
  const yf = frame.localsplus[frame.sp - 1]!;
  Py_INCREF(yf);
  return yf;
}

/** gen_close */
export function gen_close(gen: PyObject): PyObject {
  const g = genData(gen);
  const yf = genYieldFrom(gen);
  let err: unknown = null;
  if (yf !== null) {
    const state = g.frameState;
    g.frameState = FRAME_EXECUTING;
    try {
      closeIter(yf);
    } catch (e) {
      err = e;
    }
    g.frameState = state;
    Py_DECREF(yf);
  }
  const exc = err !== null ? err as PyObject : PyErr_SetNone(PyExc_GeneratorExit);
  let res: SendResult;
  try {
    res = genSendEx2(gen, Py_None, exc, true);
  } catch (e) {
    if (
      e instanceof PyObject &&
      (PyType_IsSubtype(e.ob_type, PyExc_StopIteration) ||
        PyType_IsSubtype(e.ob_type, PyExc_GeneratorExit))
    ) {
      Py_DECREF(e);
      Py_INCREF(Py_None);
      return Py_None;
    }
    throw e;
  }
  Py_DECREF(res[1]);
  if (res[0] === "return") {
    Py_INCREF(Py_None);
    return Py_None;
  }
  throw PyErr_Format(
    PyExc_RuntimeError,
    gen.ob_type === PyCoro_Type
      ? "coroutine ignored GeneratorExit"
      : "generator ignored GeneratorExit",
  );
}

function closeIter(yf: PyObject): void {
  if (yf.ob_type === PyGen_Type || yf.ob_type === PyCoro_Type) {
    const r = gen_close(yf);
    Py_DECREF(r);
    return;
  }
  const meth = _PyObject_LookupAttr(yf, _Py_ID("close"));
  if (meth !== null) {
    try {
      const r = PyObject_CallNoArgs(meth);
      Py_DECREF(r);
    } finally {
      Py_DECREF(meth);
    }
  }
}

/** gen.throw(typ[, val[, tb]]) */
export function gen_throw(
  gen: PyObject,
  typ: PyObject,
  val: PyObject | null,
  tb: PyObject | null,
): PyObject {
  const g = genData(gen);
  const yf = genYieldFrom(gen);
  if (yf !== null) {
    try {
      if (
        typ === PyExc_GeneratorExit ||
        (PyExceptionInstance_Check(typ) && typ.ob_type === PyExc_GeneratorExit)
      ) {
        const state = g.frameState;
        g.frameState = FRAME_EXECUTING;
        try {
          closeIter(yf);
        } catch (e) {
          g.frameState = state;
          return sendExceptionResult(gen, e as PyObject);
        }
        g.frameState = state;
      } else {
        let ret: PyObject;
        const state = g.frameState;
        g.frameState = FRAME_EXECUTING;
        try {
          if (yf.ob_type === PyGen_Type || yf.ob_type === PyCoro_Type) {
            ret = gen_throw(yf, typ, val, tb);
          } else {
            const meth = _PyObject_LookupAttr(yf, _Py_ID("throw"));
            if (meth === null) {
              g.frameState = state;
              return throwHere(gen, typ, val, tb);
            }
            try {
              const args = [typ, val ?? Py_None, tb ?? Py_None].slice(
                0,
                tb !== null ? 3 : val !== null ? 2 : 1,
              );
              ret = PyObject_Vectorcall(meth, args, 0, args.length, null);
            } finally {
              Py_DECREF(meth);
            }
          }
        } catch (e) {
          g.frameState = state;
          // the delegate finished or raised: resume our frame with its result
          if (e instanceof PyObject && PyType_IsSubtype(e.ob_type, PyExc_StopIteration)) {
            const v = excData(e).value ?? Py_None;
            Py_INCREF(v);
            Py_DECREF(e);
            // pop the delegate off our stack and continue after the SEND loop
            const frame = g.frame;
            const recv = frame.localsplus[--frame.sp]!;
            Py_DECREF(recv);
            const [kind, value] = resumeAfterYieldFrom(gen, v);
            return finishSend(kind, value);
          }
          return sendExceptionResult(gen, e as PyObject);
        }
        g.frameState = state;
        return ret;
      }
    } finally {
      Py_DECREF(yf);
    }
  }
  return throwHere(gen, typ, val, tb);
}

/** The delegate finished with v: leave the SEND loop and send v into our frame. */
function resumeAfterYieldFrom(gen: PyObject, v: PyObject): SendResult {
  const frame = genData(gen).frame;
  const sendAt = frame.prev_instr - 1;
  const jump = frame.code.instrs[sendAt] >> 8;
  frame.prev_instr += jump - 1;
  try {
    return genSendEx2(gen, v, null, false);
  } finally {
    Py_DECREF(v);
  }
}

function finishSend(kind: "next" | "return", value: PyObject): PyObject {
  if (kind === "next") return value;
  let e: PyObject;
  if (value === Py_None) e = PyErr_SetNone(PyExc_StopIteration);
  else e = PyErr_SetObject(PyExc_StopIteration, value);
  Py_DECREF(value);
  throw e;
}

function sendExceptionResult(gen: PyObject, exc: PyObject): PyObject {
  const [kind, value] = genSendEx2(gen, Py_None, exc, false);
  return finishSend(kind, value);
}

/** _gen_throw's own part: normalize the exception and raise it inside the frame. */
function throwHere(
  gen: PyObject,
  typ: PyObject,
  val: PyObject | null,
  tb: PyObject | null,
): PyObject {
  if (tb === Py_None) tb = null;
  if (tb !== null && tb.ob_type.tp_name !== "traceback") {
    throw PyErr_Format(PyExc_TypeError, "throw() third argument must be a traceback object");
  }
  let exc: PyObject;
  if (PyExceptionClass_Check(typ)) {
    if (val === null || val === Py_None) exc = PyObject_CallNoArgs(typ);
    else if (PyExceptionInstance_Check(val) && PyType_IsSubtype(val.ob_type, typ as PyTypeObject)) {
      Py_INCREF(val);
      exc = val;
    } else {
      exc = PyObject_CallOneArg(typ, val);
    }
  } else if (PyExceptionInstance_Check(typ)) {
    if (val !== null && val !== Py_None) {
      throw PyErr_Format(PyExc_TypeError, "instance exception may not have a separate value");
    }
    Py_INCREF(typ);
    exc = typ;
  } else {
    throw PyErr_Format(
      PyExc_TypeError,
      `exceptions must be classes or instances deriving from BaseException, not ${typ.ob_type.tp_name}`,
    );
  }
  if (tb !== null) PyException_SetTraceback(exc, tb);
  return sendExceptionResult(gen, exc);
}

// ---- the type's slots ---------------------------------------------------------------------------

export function gen_dealloc(gen: PyObject): void {
  PyObject_GC_UnTrack(gen);
  PyObject_ClearWeakRefs(gen);
  PyObject_GC_Track(gen);
  if (PyObject_CallFinalizerFromDealloc(gen)) return;
  PyObject_GC_UnTrack(gen);
  const g = genData(gen);
  if (g.frameState < FRAME_CLEARED) {
    g.frameState = FRAME_CLEARED;
    clearGenFrame(g.frame);
  }
  const code = g.code, name = g.name, qualname = g.qualname;
  Py_XDECREF(code);
  Py_XDECREF(name);
  Py_XDECREF(qualname);
  const ev = g.excState.exc_value;
  g.excState.exc_value = null;
  Py_XDECREF(ev);
  PyObject_GC_Del(gen);
}

/**
 * _PyErr_WarnUnawaitedCoroutine: a coroutine that never ran is being finalized; the
 * warnings module's _warn_unawaited_coroutine issues the RuntimeWarning. What it raises
 * (the warning itself under an "error" filter) is reported, not raised.
 */
function warnUnawaitedCoroutine(coro: PyObject): void {
  let warnings: PyObject | null = null;
  let fn: PyObject | null = null;
  try {
    warnings = importModule(_Py_ID("warnings"));
    fn = PyObject_GetAttr(warnings, _Py_ID("_warn_unawaited_coroutine"));
    Py_DECREF(PyObject_CallOneArg(fn, coro));
  } catch (e) {
    writeUnraisable(e, coro);
  } finally {
    Py_XDECREF(fn);
    Py_XDECREF(warnings);
  }
}

/** _PyGen_Finalize: closes a suspended generator; errors are reported, not raised. */
export function gen_finalize(gen: PyObject): void {
  const g = genData(gen);
  if (g.frameState >= FRAME_COMPLETED) return;
  if (gen.ob_type === PyCoro_Type && g.frameState === FRAME_CREATED) {
    warnUnawaitedCoroutine(gen);
    return;
  }
  try {
    const res = gen_close(gen);
    Py_DECREF(res);
  } catch (e) {
    writeUnraisable(e, gen);
  }
}

export function gen_traverse(gen: PyObject, visit: visitproc, arg: unknown): number {
  const g = genData(gen);
  for (const v of [g.code, g.name, g.qualname]) {
    const r = visit(v, arg);
    if (r) return r;
  }
  if (g.frameState < FRAME_CLEARED) {
    // the frame's references in _PyFrame_Traverse's order (gc.get_referents shows it):
    // the frame object, f_locals, the function and the code, then the locals and the stack
    const f = g.frame;
    for (const v of [f.frame_obj, f.f_locals, f.f_func, f.f_code]) {
      if (v !== null) {
        const r = visit(v, arg);
        if (r) return r;
      }
    }
    for (let i = 0; i < f.sp; i++) {
      const v = f.localsplus[i];
      if (v !== null) {
        const r = visit(v, arg);
        if (r) return r;
      }
    }
  }
  if (g.excState.exc_value !== null) return visit(g.excState.exc_value, arg);
  return 0;
}

export function gen_repr(gen: PyObject): PyObject {
  const kind = gen.ob_type === PyCoro_Type
    ? "coroutine"
    : gen.ob_type === PyAsyncGen_Type
    ? "async_generator"
    : "generator";
  return PyUnicode_FromString(
    `<${kind} object ${str(genData(gen).qualname)} at 0x${addressOf(gen.ob_id).toString(16)}>`,
  );
}

export function gen_getframe(gen: PyObject): PyObject {
  const g = genData(gen);
  if (g.frameState >= FRAME_COMPLETED) {
    Py_INCREF(Py_None);
    return Py_None;
  }
  const f = getFrameObject(g.frame);
  Py_INCREF(f);
  return f;
}

export function gen_running(gen: PyObject): boolean {
  return genData(gen).frameState === FRAME_EXECUTING;
}

export { vmstack };

/**
 * _PyCoro_GetAwaitableIter: what `await o` iterates: a coroutine (or a generator marked
 * as an iterable coroutine) itself, else the iterator its type's __await__ returns.
 * `where` is GET_AWAITABLE's oparg (1: after __aenter__, 2: after __aexit__).
 */
export function coroGetAwaitableIter(o: PyObject, where = 0): PyObject {
  if (o.ob_type === PyCoro_Type || isIterableCoroutine(o)) {
    Py_INCREF(o);
    return o;
  }
  const [meth, unbound] = lookupMaybeMethod(o, _Py_ID("__await__"));
  if (meth === null) {
    const name = o.ob_type.tp_name;
    throw PyErr_Format(
      PyExc_TypeError,
      where === 1
        ? `'async with' received an object from __aenter__ that does not implement __await__: ${name}`
        : where === 2
        ? `'async with' received an object from __aexit__ that does not implement __await__: ${name}`
        : `object ${name} can't be used in 'await' expression`,
    );
  }
  let res: PyObject;
  try {
    res = unbound ? PyObject_CallOneArg(meth, o) : PyObject_CallNoArgs(meth);
  } finally {
    Py_DECREF(meth);
  }
  if (res.ob_type === PyCoro_Type || isIterableCoroutine(res)) {
    Py_DECREF(res);
    throw PyErr_Format(PyExc_TypeError, "__await__() returned a coroutine");
  }
  if (!PyIter_Check(res)) {
    const name = res.ob_type.tp_name;
    Py_DECREF(res);
    throw PyErr_Format(PyExc_TypeError, `__await__() returned non-iterator of type '${name}'`);
  }
  return res;
}

function isIterableCoroutine(o: PyObject): boolean {
  return o.ob_type === PyGen_Type && (genData(o).frame.code.co_flags & CO.ITERABLE_COROUTINE) !== 0;
}
