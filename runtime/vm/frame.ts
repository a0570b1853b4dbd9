// Interpreter frames (Include/internal/pycore_frame.h, Python/frame.c) and the frame
// objects Python code sees (Objects/frameobject.c).
//
// As in CPython 3.11, the frames of running Python calls live on one shared stack: a
// frame's locals, cells, free variables and value stack are a slice of `vm.stack`
// starting at `base`. Generators own a private array instead. A `frame` object is made
// only when Python asks for one (sys._getframe, tracebacks); when the interpreter frame
// ends while its frame object is still referenced, the object takes ownership of a copy.

import { trashcanBegin, trashcanEnd } from "../memory/trashcan.ts";
import { CO } from "../compiler/code.ts";
import {
  newObject,
  Py_DECREF,
  Py_INCREF,
  Py_None,
  Py_XDECREF,
  PyFrame_Type,
  PyObject,
  PyObject_GC_Del,
  PyObject_GC_Init,
  PyObject_GC_Track,
  PyObject_GC_UnTrack,
  type visitproc,
} from "../objects/object.ts";
import { type CodeData, codeData } from "../objects/codeobject.ts";
import { funcData } from "../objects/funcobject.ts";
import { PyCell_Check, PyCell_GET, PyCell_New } from "../objects/cellobject.ts";
import {
  dictDelIfPresent,
  dictGetStr,
  PyDict_Check,
  PyDict_New,
  PyDict_SetItem,
} from "../objects/dictobject.ts";
import { PyUnicode_FromString } from "../objects/unicodeobject.ts";
import { PyLong_FromNumber } from "../objects/longobject.ts";
import { addressOf } from "../memory/obmalloc.ts";
import { str } from "../objects/objectops.ts";
import { PyObject_GetItem, PyObject_SetItem } from "../objects/abstract.ts";
import { PyErr_Format } from "../objects/errors.ts";
import {
  PyExc_AttributeError,
  PyExc_RuntimeError,
  PyExc_ValueError,
} from "../objects/exceptions.ts";
import { CO_FAST } from "../compiler/code.ts";
import { registerRoots } from "../memory/audit.ts";

export const FRAME_OWNED_BY_THREAD = 0;
export const FRAME_OWNED_BY_GENERATOR = 1;
export const FRAME_OWNED_BY_FRAME_OBJECT = 2;
export const FRAME_CLEARED = 3;

export class Frame {
  /** The function being run (an owned reference). */
  f_func: PyObject = Py_None;
  /** The code object (an owned reference) and its record. */
  f_code: PyObject = Py_None;
  code: CodeData = null as unknown as CodeData;
  /** Borrowed from the function. */
  f_globals: PyObject = Py_None;
  f_builtins: PyObject = Py_None;
  /** The locals mapping of module and class bodies (owned), or null. */
  f_locals: PyObject | null = null;
  /** The frame object, once made (owned). */
  frame_obj: PyObject | null = null;
  previous: Frame | null = null;
  /** Index of the instruction being executed (-1 before the first). */
  prev_instr = -1;
  /** Absolute index in localsplus of the next free stack slot. */
  sp = 0;
  is_entry = false;
  owner = FRAME_OWNED_BY_THREAD;
  /** The array holding this frame's locals and stack, and where they start. */
  localsplus: (PyObject | null)[] = [];
  base = 0;
  /** The generator owning this frame, if any. */
  generator: PyObject | null = null;

  /** stacktop, as CPython counts it: slots in use from localsplus[base]. */
  get stacktop(): number {
    return this.sp - this.base;
  }
}

/** The thread's frame stack: one growing array for all running Python frames. */
export class DataStack {
  stack: (PyObject | null)[] = new Array(1 << 16).fill(null);
  top = 0;
  /** The innermost running frame. */
  current: Frame | null = null;
  /** Frames to reuse (CPython reuses the data stack's memory the same way). */
  readonly pool: Frame[] = [];

  ensure(n: number): void {
    const need = this.top + n;
    if (need > this.stack.length) {
      let len = this.stack.length;
      while (len < need) len *= 2;
      const old = this.stack.length;
      this.stack.length = len;
      this.stack.fill(null, old);
    }
  }

  allocFrame(): Frame {
    return this.pool.pop() ?? new Frame();
  }

  releaseFrame(f: Frame): void {
    f.f_func = Py_None;
    f.f_code = Py_None;
    f.f_globals = Py_None;
    f.f_builtins = Py_None;
    f.f_locals = null;
    f.frame_obj = null;
    f.previous = null;
    f.generator = null;
    if (this.pool.length < 256) this.pool.push(f);
  }
}

export const vmstack: DataStack = new DataStack();

// The running frames own their function, code, locals mapping, frame object and the
// values in their slots (generator frames belong to their generator).
registerRoots("the frame stack", (visit) => {
  for (let f = vmstack.current; f !== null; f = f.previous) {
    if (f.owner !== FRAME_OWNED_BY_THREAD) continue;
    visit(f.f_func);
    visit(f.f_code);
    if (f.f_locals !== null) visit(f.f_locals);
    if (f.frame_obj !== null) visit(f.frame_obj);
    for (let i = f.base; i < f.sp; i++) {
      const v = f.localsplus[i];
      if (v !== null) visit(v);
    }
  }
});

/**
 * _PyFrame_InitializeSpecials + bump: a new thread-owned frame for func (whose reference
 * the frame takes), locals nulled. The caller fills the arguments.
 */
export function pushFrame(func: PyObject, locals: PyObject | null): Frame {
  const fd = funcData(func);
  const co = codeData(fd.code);
  const size = co.co_nlocalsplus + co.co_stacksize;
  const ds = vmstack;
  ds.ensure(size);
  const f = ds.allocFrame();
  f.f_func = func;
  Py_INCREF(fd.code);
  f.f_code = fd.code;
  f.code = co;
  f.f_globals = fd.globals;
  f.f_builtins = fd.builtins;
  if (locals !== null) Py_INCREF(locals);
  f.f_locals = locals;
  f.frame_obj = null;
  f.prev_instr = -1;
  f.is_entry = false;
  f.owner = FRAME_OWNED_BY_THREAD;
  f.localsplus = ds.stack;
  f.base = ds.top;
  f.sp = ds.top + co.co_nlocalsplus;
  const stack = ds.stack;
  for (let i = ds.top, end = ds.top + co.co_nlocalsplus; i < end; i++) stack[i] = null;
  ds.top += size;
  return f;
}

/** _PyFrame_Clear: releases the frame's references (or hands them to its frame object). */
export function clearFrame(frame: Frame): void {
  if (frame.frame_obj !== null) {
    const f = frame.frame_obj;
    frame.frame_obj = null;
    if (f.ob_refcnt > 1) {
      takeOwnership(f, frame);
      Py_DECREF(f);
      return;
    }
    Py_DECREF(f);
  }
  const ls = frame.localsplus;
  const end = frame.sp;
  for (let i = frame.base; i < end; i++) {
    const v = ls[i];
    if (v !== null) {
      ls[i] = null;
      Py_DECREF(v);
    }
  }
  Py_XDECREF(frame.frame_obj);
  Py_XDECREF(frame.f_locals);
  frame.f_locals = null;
  Py_DECREF(frame.f_func);
  Py_DECREF(frame.f_code);
}

/** _PyEvalFrameClearAndPop for a thread-owned frame on top of the data stack. */
export function clearAndPopFrame(frame: Frame): void {
  clearFrame(frame);
  const ds = vmstack;
  ds.top = frame.base;
  ds.releaseFrame(frame);
}

/** Pops a thread frame without clearing it (its contents were moved elsewhere). */
export function popFrameOnly(frame: Frame): void {
  const ds = vmstack;
  ds.top = frame.base;
  ds.releaseFrame(frame);
}

// ---- frame objects ------------------------------------------------------------------------------

export class FrameObjectData {
  /** The interpreter frame (the live one, or the object's own copy). */
  f_frame: Frame;
  f_back: PyObject | null = null;
  f_trace: PyObject | null = null;
  constructor(frame: Frame) {
    this.f_frame = frame;
  }
}

export function frameObjectData(o: PyObject): FrameObjectData {
  return o.ob_data as FrameObjectData;
}

/** A frame object's size: its header, the interpreter frame's specials and its slots. */
export function frameObjectSize(code: { co_nlocalsplus: number; co_stacksize: number }): number {
  return PyFrame_Type.tp_basicsize + 8 * (code.co_nlocalsplus + code.co_stacksize);
}

/** _PyFrame_GetFrameObject: the frame object of an interpreter frame (borrowed). */
export function getFrameObject(frame: Frame): PyObject {
  if (frame.frame_obj !== null) return frame.frame_obj;
  const f = newObject(PyFrame_Type);
  PyObject_GC_Init(f, frameObjectSize(frame.code));
  f.ob_data = new FrameObjectData(frame);
  frame.frame_obj = f;
  return f;
}

/** Whether a frame has not run its first instruction yet (_PyFrame_IsIncomplete). */
function isIncomplete(frame: Frame): boolean {
  return frame.owner !== FRAME_OWNED_BY_GENERATOR && frame.prev_instr < frame.code.firsttraceable;
}

/** take_ownership: the frame object keeps a copy of the dying frame's locals and stack. */
function takeOwnership(f: PyObject, frame: Frame): void {
  const copy = new Frame();
  copy.f_func = frame.f_func;
  copy.f_code = frame.f_code;
  copy.code = frame.code;
  copy.f_globals = frame.f_globals;
  copy.f_builtins = frame.f_builtins;
  copy.f_locals = frame.f_locals;
  copy.prev_instr = frame.prev_instr;
  if (isIncomplete(frame)) copy.prev_instr = frame.code.firsttraceable;
  const n = frame.sp - frame.base;
  copy.localsplus = frame.localsplus.slice(frame.base, frame.sp);
  for (let i = frame.base; i < frame.sp; i++) frame.localsplus[i] = null;
  copy.base = 0;
  copy.sp = n;
  copy.owner = FRAME_OWNED_BY_FRAME_OBJECT;
  copy.frame_obj = f;
  frameObjectData(f).f_frame = copy;
  let prev = frame.previous;
  while (prev !== null && isIncomplete(prev)) prev = prev.previous;
  if (prev !== null) {
    const back = getFrameObject(prev);
    Py_INCREF(back);
    frameObjectData(f).f_back = back;
  }
  copy.previous = null;
  if (f.gc_next === null) PyObject_GC_Track(f);
}

export function frame_dealloc(f: PyObject): void {
  if (f.gc_next !== null) PyObject_GC_UnTrack(f);
  // (in the trashcan, as frameobject.c's: f_back chains are as long as the recursion was)
  const tc = trashcanBegin(f, frame_dealloc);
  if (tc < 0) return;
  const d = frameObjectData(f);
  const frame = d.f_frame;
  if (frame.owner === FRAME_OWNED_BY_FRAME_OBJECT) {
    frame.owner = FRAME_CLEARED;
    const ls = frame.localsplus;
    for (let i = 0; i < frame.sp; i++) {
      const v = ls[i];
      ls[i] = null;
      Py_XDECREF(v);
    }
    frame.sp = 0;
    Py_XDECREF(frame.f_locals);
    frame.f_locals = null;
    Py_DECREF(frame.f_func);
    Py_DECREF(frame.f_code);
  }
  const back = d.f_back;
  d.f_back = null;
  Py_XDECREF(back);
  const trace = d.f_trace;
  d.f_trace = null;
  Py_XDECREF(trace);
  PyObject_GC_Del(f);
  trashcanEnd(tc);
}

export function frame_traverse(f: PyObject, visit: visitproc, arg: unknown): number {
  const d = frameObjectData(f);
  for (const v of [d.f_back, d.f_trace]) {
    if (v !== null) {
      const r = visit(v, arg);
      if (r) return r;
    }
  }
  const frame = d.f_frame;
  if (frame.owner !== FRAME_OWNED_BY_FRAME_OBJECT) return 0;
  for (const v of [frame.f_locals, frame.f_func, frame.f_code]) {
    if (v !== null) {
      const r = visit(v, arg);
      if (r) return r;
    }
  }
  for (let i = 0; i < frame.sp; i++) {
    const v = frame.localsplus[i];
    if (v !== null) {
      const r = visit(v, arg);
      if (r) return r;
    }
  }
  return 0;
}

/** frame_tp_clear: the collector breaks a cycle through a frame object's own locals. */
export function frame_tp_clear(f: PyObject): boolean {
  const d = frameObjectData(f);
  const trace = d.f_trace;
  d.f_trace = null;
  Py_XDECREF(trace);
  const frame = d.f_frame;
  if (frame.owner !== FRAME_OWNED_BY_FRAME_OBJECT) return false;
  const ls = frame.localsplus;
  const n = frame.sp;
  frame.sp = 0;
  for (let i = 0; i < n; i++) {
    const v = ls[i];
    ls[i] = null;
    Py_XDECREF(v);
  }
  return false;
}

/** The line the frame is executing (PyFrame_GetLineNumber). */
export function frameLineno(frame: Frame): number {
  return frame.code.addr2line(frame.prev_instr) ?? -1;
}

export function frame_repr(f: PyObject): PyObject {
  const frame = frameObjectData(f).f_frame;
  const co = frame.code;
  return PyUnicode_FromString(
    `<frame at 0x${addressOf(f.ob_id).toString(16)}, file '${str(co.co_filename)}', line ${
      frameLineno(frame)
    }, code ${str(co.co_name)}>`,
  );
}

/** frame.f_back (new reference or None). */
export function frameGetBack(f: PyObject): PyObject {
  const d = frameObjectData(f);
  let back = d.f_back;
  if (back === null) {
    let prev = d.f_frame.owner === FRAME_OWNED_BY_FRAME_OBJECT ? null : d.f_frame.previous;
    while (prev !== null && isIncomplete(prev)) prev = prev.previous;
    if (prev !== null) back = getFrameObject(prev);
  }
  const r = back ?? Py_None;
  Py_INCREF(r);
  return r;
}

// ---- locals() ----------------------------------------------------------------------------------

/**
 * _PyFrame_FastToLocalsWithError: copies the fast locals, cells and free variables into
 * the frame's locals dict (creating it), as locals() and frame.f_locals do.
 */
export function fastToLocals(frame: Frame): PyObject {
  let locals = frame.f_locals;
  if (locals === null) {
    locals = PyDict_New();
    frame.f_locals = locals;
  }
  const co = frame.code;
  const names = co.co_localsplusnames.ob_item as PyObject[];
  const ls = frame.localsplus;
  const started = frame.prev_instr >= 0;
  for (let i = 0; i < co.co_nlocalsplus; i++) {
    const kind = co.co_localspluskinds[i];
    const name = names[i];
    let value = ls[frame.base + i];
    if (kind & CO_FAST.FREE) {
      if (!(co.co_flags & CO.OPTIMIZED)) continue;
      if (value !== null && PyCell_Check(value)) value = PyCell_GET(value);
    } else if (kind & CO_FAST.CELL) {
      if (value !== null && started && PyCell_Check(value)) value = PyCell_GET(value);
    }
    if (value === null) {
      if (PyDict_Check(locals)) dictDelIfPresent(locals, name);
      continue;
    }
    if (PyDict_Check(locals)) PyDict_SetItem(locals, name, value);
    else PyObject_SetItem(locals, name, value);
  }
  return locals;
}

/** The frame's globals (borrowed). */
export function frameGlobals(frame: Frame): PyObject {
  return frame.f_globals;
}

export { dictGetStr, PyCell_New, PyErr_Format, PyLong_FromNumber, PyObject_GetItem };
export { PyExc_AttributeError, PyExc_RuntimeError, PyExc_ValueError };
