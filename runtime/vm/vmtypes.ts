// The slots of the types whose objects the VM makes (frame, traceback, generator,
// coroutine) and of function calls into the eval loop. The object layer cannot import the
// VM, so the VM fills these in before the static types are readied.

import {
  METH_FASTCALL,
  METH_NOARGS,
  METH_O,
  Py_DECREF,
  Py_False,
  Py_INCREF,
  Py_None,
  Py_TPFLAGS_HAVE_VECTORCALL,
  Py_True,
  PyAsyncGen_Type,
  PyCoro_Type,
  PyFrame_Type,
  PyFunction_Type,
  PyGen_Type,
  PyObject,
  PyTraceBack_Type,
} from "../objects/object.ts";
import {
  PyObject_GenericGetAttr,
  PyObject_GenericSetAttr,
  PyObject_SelfIter,
  str,
} from "../objects/objectops.ts";
import { PyErr_Format } from "../objects/errors.ts";
import {
  PyExc_NotImplementedError,
  PyExc_RuntimeError,
  PyExc_TypeError,
} from "../objects/exceptions.ts";
import { PyLong_FromNumber } from "../objects/longobject.ts";
import { PyUnicode_Check } from "../objects/unicodeobject.ts";
import { checkPositional } from "../objects/argparse.ts";
import {
  fastToLocals,
  frame_dealloc,
  FRAME_OWNED_BY_FRAME_OBJECT,
  FRAME_OWNED_BY_GENERATOR,
  frame_repr,
  frame_tp_clear,
  frame_traverse,
  frameGetBack,
  frameLineno,
  frameObjectData,
  frameObjectSize,
} from "./frame.ts";
import { codeData } from "../objects/codeobject.ts";
import { tb_dealloc, tb_members, tb_traverse } from "./traceback.ts";
import {
  FRAME_COMPLETED,
  FRAME_CREATED,
  FRAME_EXECUTING,
  gen_close,
  gen_dealloc,
  gen_finalize,
  gen_getframe,
  gen_iternext,
  gen_repr,
  gen_running,
  gen_send,
  gen_throw,
  gen_traverse,
  genData,
  genYieldFrom,
} from "./genobject.ts";
import { _PyFunction_Vectorcall } from "./eval.ts";

function ref(o: PyObject): PyObject {
  Py_INCREF(o);
  return o;
}

function bool(v: boolean): PyObject {
  return ref(v ? Py_True : Py_False);
}

function setupFrame(): void {
  const t = PyFrame_Type;
  t.tp_dealloc = frame_dealloc;
  t.tp_repr = frame_repr;
  t.tp_traverse = frame_traverse;
  t.tp_clear = frame_tp_clear;
  t.tp_getattro = PyObject_GenericGetAttr;
  t.tp_setattro = PyObject_GenericSetAttr;
  t.tp_getset = [
    { name: "f_back", get: frameGetBack },
    { name: "f_code", get: (f) => ref(frameObjectData(f).f_frame.f_code) },
    { name: "f_globals", get: (f) => ref(frameObjectData(f).f_frame.f_globals) },
    { name: "f_builtins", get: (f) => ref(frameObjectData(f).f_frame.f_builtins) },
    { name: "f_locals", get: (f) => ref(fastToLocals(frameObjectData(f).f_frame)) },
    { name: "f_lineno", get: (f) => PyLong_FromNumber(frameLineno(frameObjectData(f).f_frame)) },
    {
      name: "f_lasti",
      get: (f) => {
        const i = frameObjectData(f).f_frame.prev_instr;
        return PyLong_FromNumber(i < 0 ? -1 : i * 2);
      },
    },
    {
      name: "f_trace",
      get: (f) => ref(frameObjectData(f).f_trace ?? Py_None),
      set: (f, v) => {
        const d = frameObjectData(f);
        const old = d.f_trace;
        d.f_trace = v === null || v === Py_None ? null : ref(v);
        if (old !== null) Py_DECREF(old);
      },
    },
  ];
  t.tp_methods = [
    {
      ml_name: "__sizeof__",
      ml_meth: (f: PyObject) =>
        PyLong_FromNumber(frameObjectSize(codeData(frameObjectData(f).f_frame.f_code))),
      ml_flags: METH_NOARGS,
    },
    {
      ml_name: "clear",
      ml_meth: (f: PyObject) => {
        const frame = frameObjectData(f).f_frame;
        if (frame.owner === FRAME_OWNED_BY_GENERATOR) {
          const gen = frame.generator!;
          if (genData(gen).frameState === FRAME_EXECUTING) {
            throw PyErr_Format(PyExc_RuntimeError, "cannot clear an executing frame");
          }
          Py_DECREF(gen_close(gen));
        } else if (frame.owner !== FRAME_OWNED_BY_FRAME_OBJECT) {
          throw PyErr_Format(PyExc_RuntimeError, "cannot clear an executing frame");
        } else {
          const ls = frame.localsplus;
          for (let i = 0; i < frame.sp; i++) {
            const v = ls[i];
            ls[i] = null;
            if (v !== null) Py_DECREF(v);
          }
        }
        return ref(Py_None);
      },
      ml_flags: METH_NOARGS,
    },
  ];
}

function setupTraceback(): void {
  const t = PyTraceBack_Type;
  t.tp_dealloc = tb_dealloc;
  t.tp_traverse = tb_traverse;
  t.tp_getattro = PyObject_GenericGetAttr;
  t.tp_members = tb_members;
}

function gen_throw_method(
  gen: PyObject,
  args: (PyObject | null)[],
  off: number,
  nargs: number,
): PyObject {
  checkPositional("throw", nargs, 1, 3);
  return gen_throw(
    gen,
    args[off]!,
    nargs > 1 ? args[off + 1] : null,
    nargs > 2 ? args[off + 2] : null,
  );
}

function setupGenerators(): void {
  for (const t of [PyGen_Type, PyCoro_Type]) {
    const isGen = t === PyGen_Type;
    const p = isGen ? "gi" : "cr";
    t.tp_dealloc = gen_dealloc;
    t.tp_repr = gen_repr;
    t.tp_traverse = gen_traverse;
    t.tp_finalize = gen_finalize;
    t.tp_getattro = PyObject_GenericGetAttr;
    if (isGen) {
      t.tp_iter = PyObject_SelfIter;
      t.tp_iternext = gen_iternext;
    }
    t.tp_methods = [
      { ml_name: "send", ml_meth: gen_send, ml_flags: METH_O },
      { ml_name: "throw", ml_meth: gen_throw_method, ml_flags: METH_FASTCALL },
      { ml_name: "close", ml_meth: gen_close, ml_flags: METH_NOARGS },
      {
        ml_name: "__sizeof__",
        ml_meth: (g: PyObject) => {
          const co = codeData(genData(g).code);
          return PyLong_FromNumber(t.tp_basicsize + 8 * (co.co_nlocalsplus + co.co_stacksize));
        },
        ml_flags: METH_NOARGS,
      },
    ];
    t.tp_getset = [
      {
        name: "__name__",
        get: (g) => ref(genData(g).name),
        set: (g, v) => {
          if (v === null || !PyUnicode_Check(v)) {
            throw PyErr_Format(PyExc_TypeError, "__name__ must be set to a string object");
          }
          const d = genData(g);
          const old = d.name;
          d.name = ref(v);
          Py_DECREF(old);
        },
      },
      {
        name: "__qualname__",
        get: (g) => ref(genData(g).qualname),
        set: (g, v) => {
          if (v === null || !PyUnicode_Check(v)) {
            throw PyErr_Format(PyExc_TypeError, "__qualname__ must be set to a string object");
          }
          const d = genData(g);
          const old = d.qualname;
          d.qualname = ref(v);
          Py_DECREF(old);
        },
      },
      { name: `${p}_frame`, get: gen_getframe },
      { name: `${p}_running`, get: (g) => bool(gen_running(g)) },
      { name: `${p}_code`, get: (g) => ref(genData(g).code) },
      {
        name: `${p}_suspended`,
        get: (g) => {
          const s = genData(g).frameState;
          return bool(s !== FRAME_CREATED && s !== FRAME_EXECUTING && s < FRAME_COMPLETED);
        },
      },
      {
        name: isGen ? "gi_yieldfrom" : "cr_await",
        get: (g) => genYieldFrom(g) ?? ref(Py_None),
      },
    ];
  }
}

/**
 * async_generator: made by calling an `async def` with `yield` (so `type()`, its repr and
 * `types.AsyncGeneratorType` are right), but not run yet: every way to run one says so.
 */
function setupAsyncGenerators(): void {
  const t = PyAsyncGen_Type;
  t.tp_dealloc = gen_dealloc;
  t.tp_repr = gen_repr;
  t.tp_traverse = gen_traverse;
  t.tp_finalize = gen_finalize;
  t.tp_getattro = PyObject_GenericGetAttr;
  const unsupported = (): PyObject => {
    throw PyErr_Format(PyExc_NotImplementedError, "glasspy does not run async generators yet");
  };
  t.am_aiter = unsupported;
  t.am_anext = unsupported;
  t.tp_methods = ["__aiter__", "__anext__", "aclose"].map((name) => ({
    ml_name: name,
    ml_meth: unsupported,
    ml_flags: METH_NOARGS,
  }));
  t.tp_methods.push(
    { ml_name: "asend", ml_meth: unsupported, ml_flags: METH_O },
    { ml_name: "athrow", ml_meth: unsupported, ml_flags: METH_FASTCALL },
  );
  t.tp_getset = [
    { name: "__name__", get: (g) => ref(genData(g).name) },
    { name: "__qualname__", get: (g) => ref(genData(g).qualname) },
    { name: "ag_code", get: (g) => ref(genData(g).code) },
    { name: "ag_running", get: (g) => bool(gen_running(g)) },
  ];
}

/** Fills in the VM-made types' slots; runs before the static types are readied. */
export function setupVmTypes(): void {
  setupFrame();
  setupTraceback();
  setupGenerators();
  setupAsyncGenerators();
  PyFunction_Type.tp_instance_vectorcall = _PyFunction_Vectorcall;
  PyFunction_Type.tp_flags |= Py_TPFLAGS_HAVE_VECTORCALL;
  void str;
}
