// function, staticmethod and classmethod (Objects/funcobject.c). Calling a function is the
// eval loop's business (vm/eval.ts installs _PyFunction_Vectorcall).

import {
  newObject,
  Py_DECREF,
  Py_INCREF,
  Py_None,
  Py_XDECREF,
  PyCell_Type,
  PyClassMethod_Type,
  PyCode_Type,
  PyFunction_Type,
  PyObject,
  PyObject_GC_Del,
  PyObject_GC_Init,
  PyObject_GC_Track,
  PyObject_GC_UnTrack,
  PyStaticMethod_Type,
  type PyTypeObject,
  type visitproc,
} from "./object.ts";
import { PyObject_ClearWeakRefs } from "../memory/weakrefs.ts";
import { PyErr_Format } from "./errors.ts";
import {
  PyExc_AttributeError,
  PyExc_RuntimeError,
  PyExc_TypeError,
  PyExc_ValueError,
} from "./exceptions.ts";
import { _Py_ID, PyUnicode_Check, PyUnicode_FromString, unicode_empty } from "./unicodeobject.ts";
import { dictGetStr, PyDict_Check, PyDict_New } from "./dictobject.ts";
import { PyTuple_Check } from "./tupleobject.ts";
import { addressOf } from "../memory/obmalloc.ts";
import { PyObject_GetAttr, PyObject_SetAttr, str } from "./objectops.ts";
import { PyMethod_New } from "./classobject.ts";
import { PyObject_Call } from "./call.ts";
import { type CodeData, codeData } from "./codeobject.ts";
import { argTypeName, unpackTupleDict } from "./argparse.ts";
import { PyType_GenericAlloc } from "./typeobject.ts";

export class FunctionData {
  // Declared and set in the constructor: as parameter properties or initialized fields,
  // Deno's TypeScript would define them all as undefined first, and V8 would keep the
  // version a tagged value rather than a small integer.
  declare code: PyObject;
  declare globals: PyObject;
  declare builtins: PyObject;
  declare name: PyObject;
  declare qualname: PyObject;
  declare doc: PyObject;
  declare module: PyObject | null;
  declare defaults: PyObject | null;
  declare kwdefaults: PyObject | null;
  declare closure: PyObject | null;
  declare annotations: PyObject | null;
  /** func_version: bumped when __code__ or defaults change (for caches). */
  declare version: number;
  constructor(
    code: PyObject,
    globals: PyObject,
    builtins: PyObject,
    name: PyObject,
    qualname: PyObject,
    doc: PyObject,
    module: PyObject | null,
  ) {
    this.code = code;
    this.globals = globals;
    this.builtins = builtins;
    this.name = name;
    this.qualname = qualname;
    this.doc = doc;
    this.module = module;
    this.defaults = null;
    this.kwdefaults = null;
    this.closure = null;
    this.annotations = null;
    this.version = 0;
  }
}

export interface PyFunctionObject extends PyObject {
  ob_data: FunctionData;
}

export function funcData(f: PyObject): FunctionData {
  return (f as PyFunctionObject).ob_data;
}

export function PyFunction_Check(o: PyObject): boolean {
  return o.ob_type === PyFunction_Type;
}

/** The builtins of a globals dict (_PyEval_BuiltinsFromGlobals); set by the VM. */
export let builtinsFromGlobals: (globals: PyObject) => PyObject = (g) => g;
export function setBuiltinsFromGlobals(f: (globals: PyObject) => PyObject): void {
  builtinsFromGlobals = f;
}

let versionCounter = 1;

/** PyFunction_New(code, globals): references as CPython takes them. */
export function PyFunction_New(
  code: PyObject,
  globals: PyObject,
  qualname: PyObject | null = null,
) {
  const co = codeData(code);
  Py_INCREF(globals);
  Py_INCREF(code);
  const name = co.co_name;
  Py_INCREF(name);
  const qn = qualname ?? co.co_qualname;
  Py_INCREF(qn);
  const consts = co.co_consts.ob_item as PyObject[];
  let doc = consts.length >= 1 ? consts[0] : Py_None;
  if (!PyUnicode_Check(doc)) doc = Py_None;
  Py_INCREF(doc);
  const module = dictGetStr(globals, _Py_ID("__name__"));
  if (module !== null) Py_INCREF(module);
  const builtins = builtinsFromGlobals(globals);
  Py_INCREF(builtins);
  const op = newObject(PyFunction_Type) as PyFunctionObject;
  PyObject_GC_Init(op, 136);
  op.ob_data = new FunctionData(code, globals, builtins, name, qn, doc, module);
  op.ob_data.version = versionCounter++;
  PyObject_GC_Track(op);
  return op;
}

/**
 * func_new: `function(code, globals, name=None, argdefs=None, closure=None)`, as
 * types.FunctionType is called, with CPython's argument checks and messages.
 */
export function func_new(_type: PyTypeObject, args: PyObject, kwds: PyObject | null): PyObject {
  const [code, globals, name, argdefs, closure] = unpackTupleDict(
    "function",
    FUNC_NEW_PARAMS,
    args,
    kwds,
    2,
    5,
    0,
  );
  if (code!.ob_type !== PyCode_Type) {
    throw PyErr_Format(
      PyExc_TypeError,
      `function() argument 'code' must be code, not ${argTypeName(code!)}`,
    );
  }
  if (!PyDict_Check(globals!)) {
    throw PyErr_Format(
      PyExc_TypeError,
      `function() argument 'globals' must be dict, not ${argTypeName(globals!)}`,
    );
  }
  if (name !== null && name !== Py_None && !PyUnicode_Check(name)) {
    throw PyErr_Format(PyExc_TypeError, "arg 3 (name) must be None or string");
  }
  if (argdefs !== null && argdefs !== Py_None && !PyTuple_Check(argdefs)) {
    throw PyErr_Format(PyExc_TypeError, "arg 4 (defaults) must be None or tuple");
  }
  const hasClosure = closure !== null && closure !== Py_None;
  if (hasClosure && !PyTuple_Check(closure!)) {
    throw PyErr_Format(PyExc_TypeError, "arg 5 (closure) must be None or tuple");
  }
  const co = codeData(code!);
  const cells = hasClosure ? closure!.ob_item as PyObject[] : [];
  if (co.co_nfreevars > 0 && !hasClosure) {
    throw PyErr_Format(PyExc_TypeError, "arg 5 (closure) must be tuple");
  }
  if (cells.length !== co.co_nfreevars) {
    throw PyErr_Format(
      PyExc_ValueError,
      `${str(co.co_name)} requires closure of length ${co.co_nfreevars}, not ${cells.length}`,
    );
  }
  for (const c of cells) {
    if (c.ob_type !== PyCell_Type) {
      throw PyErr_Format(
        PyExc_TypeError,
        `arg 5 (closure) expected cell, found ${c.ob_type.tp_name}`,
      );
    }
  }
  const op = PyFunction_New(code!, globals!);
  const f = funcData(op);
  if (name !== null && name !== Py_None) {
    Py_INCREF(name);
    const old = f.name;
    f.name = name;
    Py_DECREF(old);
  }
  if (argdefs !== null && argdefs !== Py_None) {
    Py_INCREF(argdefs);
    f.defaults = argdefs;
  }
  if (hasClosure) {
    Py_INCREF(closure!);
    f.closure = closure;
  }
  return op;
}

const FUNC_NEW_PARAMS = ["code", "globals", "name", "argdefs", "closure"] as const;

/** func_clear */
export function func_clear(op: PyObject): boolean {
  const f = funcData(op);
  f.version = 0;
  const globals = f.globals, builtins = f.builtins, module = f.module;
  const defaults = f.defaults, kwdefaults = f.kwdefaults, doc = f.doc;
  f.globals = Py_None;
  f.builtins = Py_None;
  f.module = null;
  f.defaults = null;
  f.kwdefaults = null;
  Py_None.ob_refcnt += 2;
  Py_DECREF(globals);
  Py_DECREF(builtins);
  Py_XDECREF(module);
  Py_XDECREF(defaults);
  Py_XDECREF(kwdefaults);
  f.doc = Py_None;
  Py_INCREF(Py_None);
  Py_DECREF(doc);
  const dict = op.ob_dict;
  op.ob_dict = null;
  Py_XDECREF(dict);
  const closure = f.closure;
  f.closure = null;
  Py_XDECREF(closure);
  const ann = f.annotations;
  f.annotations = null;
  Py_XDECREF(ann);
  const name = f.name, qualname = f.qualname;
  unicode_empty.ob_refcnt += 2;
  f.name = unicode_empty;
  f.qualname = unicode_empty;
  Py_DECREF(name);
  Py_DECREF(qualname);
  return false;
}

export function func_dealloc(op: PyObject): void {
  PyObject_GC_UnTrack(op);
  PyObject_ClearWeakRefs(op);
  func_clear(op);
  const f = funcData(op);
  Py_DECREF(f.code);
  Py_DECREF(f.name);
  Py_DECREF(f.qualname);
  // func_clear left None in globals/builtins/doc: drop those placeholder references.
  Py_DECREF(f.globals);
  Py_DECREF(f.builtins);
  Py_DECREF(f.doc);
  PyObject_GC_Del(op);
}

export function func_traverse(op: PyObject, visit: visitproc, arg: unknown): number {
  const f = funcData(op);
  for (
    const v of [
      f.code,
      f.globals,
      f.builtins,
      f.module,
      f.defaults,
      f.kwdefaults,
      f.doc,
      f.name,
      op.ob_dict,
      f.closure,
      f.annotations,
      f.qualname,
    ]
  ) {
    if (v !== null) {
      const r = visit(v, arg);
      if (r) return r;
    }
  }
  return 0;
}

export function func_repr(op: PyObject): PyObject {
  return PyUnicode_FromString(
    `<function ${str(funcData(op).qualname)} at 0x${addressOf(op.ob_id).toString(16)}>`,
  );
}

/** func_descr_get: binds to an instance as a method. */
export function func_descr_get(
  func: PyObject,
  obj: PyObject | null,
  _type: PyObject | null,
): PyObject {
  if (obj === Py_None || obj === null) {
    Py_INCREF(func);
    return func;
  }
  return PyMethod_New(func, obj);
}

function replace<K extends keyof FunctionData>(f: FunctionData, key: K, v: FunctionData[K]): void {
  const old = f[key] as unknown as PyObject | null;
  f[key] = v;
  Py_XDECREF(old);
}

function getOrNone(v: PyObject | null): PyObject {
  const r = v ?? Py_None;
  Py_INCREF(r);
  return r;
}

export const func_getset = [
  {
    name: "__code__",
    get: (op: PyObject) => getOrNone(funcData(op).code),
    set: (op: PyObject, v: PyObject | null) => {
      if (v === null || v.ob_type.tp_name !== "code") {
        throw PyErr_Format(PyExc_TypeError, "__code__ must be set to a code object");
      }
      const f = funcData(op);
      const nfree = (codeData(v) as CodeData).co_nfreevars;
      const nclosure = f.closure === null ? 0 : f.closure.ob_item!.length;
      if (nclosure !== nfree) {
        throw PyErr_Format(
          PyExc_ValueError,
          `${str(f.name)}() requires a code object with ${nclosure} free vars, not ${nfree}`,
        );
      }
      Py_INCREF(v);
      f.version = versionCounter++;
      replace(f, "code", v);
    },
  },
  {
    name: "__defaults__",
    get: (op: PyObject) => getOrNone(funcData(op).defaults),
    set: (op: PyObject, v: PyObject | null) => {
      if (v === Py_None) v = null;
      if (v !== null && !PyTuple_Check(v)) {
        throw PyErr_Format(PyExc_TypeError, "__defaults__ must be set to a tuple object");
      }
      if (v !== null) Py_INCREF(v);
      const f = funcData(op);
      f.version = versionCounter++;
      replace(f, "defaults", v);
    },
  },
  {
    name: "__kwdefaults__",
    get: (op: PyObject) => getOrNone(funcData(op).kwdefaults),
    set: (op: PyObject, v: PyObject | null) => {
      if (v === Py_None) v = null;
      if (v !== null && !PyDict_Check(v)) {
        throw PyErr_Format(PyExc_TypeError, "__kwdefaults__ must be set to a dict object");
      }
      if (v !== null) Py_INCREF(v);
      const f = funcData(op);
      f.version = versionCounter++;
      replace(f, "kwdefaults", v);
    },
  },
  {
    name: "__annotations__",
    get: (op: PyObject) => {
      const f = funcData(op);
      if (f.annotations === null) f.annotations = PyDict_New();
      else if (PyTuple_Check(f.annotations)) {
        // MAKE_FUNCTION stores annotations as a flat tuple (name, value, ...).
        const items = f.annotations.ob_item as PyObject[];
        const d = PyDict_New();
        for (let i = 0; i + 1 < items.length; i += 2) dictSet(d, items[i], items[i + 1]);
        replace(f, "annotations", d);
      }
      Py_INCREF(f.annotations!);
      return f.annotations!;
    },
    set: (op: PyObject, v: PyObject | null) => {
      if (v === Py_None) v = null;
      if (v !== null && !PyDict_Check(v)) {
        throw PyErr_Format(PyExc_TypeError, "__annotations__ must be set to a dict object");
      }
      if (v !== null) Py_INCREF(v);
      replace(funcData(op), "annotations", v);
    },
  },
  {
    name: "__dict__",
    get: (op: PyObject) => {
      if (op.ob_dict === null) op.ob_dict = PyDict_New();
      Py_INCREF(op.ob_dict);
      return op.ob_dict;
    },
    set: (op: PyObject, v: PyObject | null) => {
      if (v === null) throw PyErr_Format(PyExc_TypeError, "cannot delete __dict__");
      if (!PyDict_Check(v)) {
        throw PyErr_Format(
          PyExc_TypeError,
          `__dict__ must be set to a dictionary, not a '${v.ob_type.tp_name}'`,
        );
      }
      Py_INCREF(v);
      const old = op.ob_dict;
      op.ob_dict = v;
      Py_XDECREF(old);
    },
  },
  {
    name: "__name__",
    get: (op: PyObject) => getOrNone(funcData(op).name),
    set: (op: PyObject, v: PyObject | null) => {
      if (v === null || !PyUnicode_Check(v)) {
        throw PyErr_Format(PyExc_TypeError, "__name__ must be set to a string object");
      }
      Py_INCREF(v);
      replace(funcData(op), "name", v);
    },
  },
  {
    name: "__qualname__",
    get: (op: PyObject) => getOrNone(funcData(op).qualname),
    set: (op: PyObject, v: PyObject | null) => {
      if (v === null || !PyUnicode_Check(v)) {
        throw PyErr_Format(PyExc_TypeError, "__qualname__ must be set to a string object");
      }
      Py_INCREF(v);
      replace(funcData(op), "qualname", v);
    },
  },
];

import { PyDict_SetItem } from "./dictobject.ts";
function dictSet(d: PyObject, k: PyObject, v: PyObject): void {
  PyDict_SetItem(d, k, v);
}

export const func_members = [
  { name: "__closure__", get: (op: PyObject) => getOrNone(funcData(op).closure), set: null },
  {
    name: "__doc__",
    get: (op: PyObject) => getOrNone(funcData(op).doc),
    set: (op: PyObject, v: PyObject | null) => {
      const nv = v ?? Py_None;
      Py_INCREF(nv);
      replace(funcData(op), "doc", nv);
    },
  },
  { name: "__globals__", get: (op: PyObject) => getOrNone(funcData(op).globals), set: null },
  {
    name: "__module__",
    get: (op: PyObject) => getOrNone(funcData(op).module),
    set: (op: PyObject, v: PyObject | null) => {
      if (v !== null) Py_INCREF(v);
      replace(funcData(op), "module", v);
    },
  },
  { name: "__builtins__", get: (op: PyObject) => getOrNone(funcData(op).builtins), set: null },
];

// ---- staticmethod and classmethod ----------------------------------------------------------

/** sm_callable / cm_callable live in ob_item[0]; their __dict__ in ob_dict. */
function callableOf(o: PyObject): PyObject | null {
  return o.ob_item === null ? null : o.ob_item[0];
}

export function PyStaticMethod_New(callable: PyObject): PyObject {
  const sm = PyType_GenericAlloc(PyStaticMethod_Type, 0);
  Py_INCREF(callable);
  sm.ob_item = [callable];
  return sm;
}

export function PyClassMethod_New(callable: PyObject): PyObject {
  const cm = PyType_GenericAlloc(PyClassMethod_Type, 0);
  Py_INCREF(callable);
  cm.ob_item = [callable];
  return cm;
}

export function descr_wrapper_dealloc(o: PyObject): void {
  PyObject_GC_UnTrack(o);
  const c = callableOf(o);
  o.ob_item = null;
  Py_XDECREF(c);
  const d = o.ob_dict;
  o.ob_dict = null;
  Py_XDECREF(d);
  o.ob_type.tp_free!(o);
}

export function descr_wrapper_traverse(o: PyObject, visit: visitproc, arg: unknown): number {
  const c = callableOf(o);
  if (c !== null) {
    const r = visit(c, arg);
    if (r) return r;
  }
  return o.ob_dict !== null ? visit(o.ob_dict, arg) : 0;
}

export function descr_wrapper_clear(o: PyObject): boolean {
  const c = callableOf(o);
  o.ob_item = null;
  Py_XDECREF(c);
  const d = o.ob_dict;
  o.ob_dict = null;
  Py_XDECREF(d);
  return false;
}

/** functools_wraps: copies __module__, __name__, __qualname__, __doc__, __annotations__. */
function functoolsWraps(wrapper: PyObject, wrapped: PyObject): void {
  for (const a of ["__module__", "__name__", "__qualname__", "__doc__", "__annotations__"]) {
    let value: PyObject;
    try {
      value = PyObject_GetAttr(wrapped, _Py_ID(a));
    } catch (e) {
      if (e instanceof PyObject && e.ob_type === PyExc_AttributeError) {
        Py_DECREF(e);
        continue;
      }
      throw e;
    }
    try {
      PyObject_SetAttr(wrapper, _Py_ID(a), value);
    } finally {
      Py_DECREF(value);
    }
  }
}

function initWrapper(self: PyObject, args: PyObject, kwds: PyObject | null, name: string): void {
  if (kwds !== null && kwds.ob_size > 0) {
    throw PyErr_Format(PyExc_TypeError, `${name}() takes no keyword arguments`);
  }
  const items = args.ob_item as PyObject[];
  if (items.length !== 1) {
    throw PyErr_Format(
      PyExc_TypeError,
      `${name} expected 1 argument, got ${items.length}`,
    );
  }
  const callable = items[0];
  Py_INCREF(callable);
  const old = callableOf(self);
  self.ob_item = [callable];
  Py_XDECREF(old);
  functoolsWraps(self, callable);
}

export function sm_init(self: PyObject, args: PyObject, kwds: PyObject | null): void {
  initWrapper(self, args, kwds, "staticmethod");
}

export function cm_init(self: PyObject, args: PyObject, kwds: PyObject | null): void {
  initWrapper(self, args, kwds, "classmethod");
}

export function sm_descr_get(
  self: PyObject,
  _obj: PyObject | null,
  _type: PyObject | null,
): PyObject {
  const c = callableOf(self);
  if (c === null) throw PyErr_Format(PyExc_RuntimeError, "uninitialized staticmethod object");
  Py_INCREF(c);
  return c;
}

export function sm_call(self: PyObject, args: PyObject, kwds: PyObject | null): PyObject {
  return PyObject_Call(callableOf(self)!, args, kwds);
}

export function cm_descr_get(
  self: PyObject,
  obj: PyObject | null,
  type: PyObject | null,
): PyObject {
  const c = callableOf(self);
  if (c === null) throw PyErr_Format(PyExc_RuntimeError, "uninitialized classmethod object");
  const t = type ?? obj!.ob_type;
  const get = c.ob_type.tp_descr_get;
  if (get !== null && c.ob_type !== PyFunction_Type) return get(c, t, t);
  return PyMethod_New(c, t);
}

function reprWrapper(self: PyObject, kind: string): PyObject {
  const c = callableOf(self);
  const inner = c === null ? "NULL" : reprText(c);
  return PyUnicode_FromString(`<${kind}(${inner})>`);
}

import { reprText } from "./objectops.ts";
export function sm_repr(self: PyObject): PyObject {
  return reprWrapper(self, "staticmethod");
}
export function cm_repr(self: PyObject): PyObject {
  return reprWrapper(self, "classmethod");
}

export const wrapper_members = [
  { name: "__func__", get: (o: PyObject) => getOrNone(callableOf(o)), set: null },
  { name: "__wrapped__", get: (o: PyObject) => getOrNone(callableOf(o)), set: null },
];

export type { PyTypeObject };
