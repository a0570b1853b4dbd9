// The Engine backed by glasspy's own VM: the shell's operations done with the VM's
// C-API-like functions, on one Interpreter whose __main__ is the notebook's namespace.
//
// Code objects are made as IPython makes them: each top-level statement compiled on its
// own (cell_compiler.ts), the code object created just before the statement runs and the
// previous statement's freed then, and the literal constants of the whole cell kept alive
// until the cell ends — IPython's cell AST holds them, as the parser arena does in a script.

import type {
  Code,
  Engine,
  FormattedException,
  NativeFunction,
  ObjectInfo,
  PyObject as ShellObject,
} from "./engine.ts";
import { PythonException } from "./engine.ts";
import type { Host } from "../vm/host.ts";
import { Interpreter, PythonError } from "../vm/interpreter.ts";
import { CellCompiler, literalKey } from "./cell_compiler.ts";
import { compileCommand } from "./codeop.ts";
import { compile, compileAst, CompileError } from "../compiler/compile.ts";
import { timingModule } from "./timeit_template.ts";
import type { CodeUnit, Constant } from "../compiler/code.ts";
import { disText } from "../compiler/disassemble.ts";
import { disassembleRecursive, type DisCode } from "../compiler/dis.ts";
import { syntaxErrorFrom } from "../vm/pythonrun.ts";
import { sourceCache, tbFrame, tbNext } from "../vm/traceback.ts";
import { frameObjectData } from "../vm/frame.ts";
import { RUN_CODE_MODULE, RUN_CODE_SOURCE } from "./run_code.ts";
import { hostState } from "../vm/hoststate.ts";
import { importState } from "../vm/imports.ts";
import { sysState } from "../modules/sysstate.ts";
import {
  gcstate,
  METH_KEYWORDS,
  METH_VARARGS,
  Py_DECREF,
  Py_False,
  Py_INCREF,
  Py_None,
  Py_True,
  PyObject,
  type PyTypeObject,
} from "../objects/object.ts";
import { codeData, ConstantPool, PyCode_Check, PyCode_FromUnit } from "../objects/codeobject.ts";
import { PyCFunction_New } from "../objects/methodobject.ts";
import { PyModule_GetDict, PyModule_New } from "../objects/moduleobject.ts";
import {
  dictForEach,
  dictGetStr,
  dictKeyList,
  PyDict_Check,
  PyDict_Clear,
  PyDict_Contains,
  PyDict_DelItem,
  PyDict_New,
  PyDict_SetItem,
  PyDict_SetItemString,
} from "../objects/dictobject.ts";
import { PyList_Append, PyList_Check, PyList_New } from "../objects/listobject.ts";
import { PyTuple_Check, tupleItems } from "../objects/tupleobject.ts";
import { PyUnicode_Check, PyUnicode_FromString } from "../objects/unicodeobject.ts";
import { longValue, PyLong_Check, PyLong_FromNumber } from "../objects/longobject.ts";
import { PyFloat_AS_DOUBLE, PyFloat_Check } from "../objects/floatobject.ts";
import { PyBool_Check } from "../objects/boolobject.ts";
import {
  PyObject_GetAttrString,
  PyObject_IsTrue,
  PyObject_Repr,
  PyObject_SetAttrString,
  PyObject_Str,
  str,
} from "../objects/objectops.ts";
import { PyObject_Vectorcall } from "../objects/call.ts";
import { PyObject_Size } from "../objects/abstract.ts";
import { PyObject_Dir } from "../objects/dir.ts";
import { hostRaise, isPyErr, PyErr_Format, setHostRaise } from "../objects/errors.ts";
import {
  builtinExceptions,
  excData,
  PyExc_AttributeError,
  PyExc_KeyboardInterrupt,
} from "../objects/exceptions.ts";
import { PyFunction_Check } from "../objects/funcobject.ts";
import { PyMethod_Check } from "../objects/classobject.ts";
import { PyType_Check } from "../objects/typeobject.ts";
import { addressOf } from "../memory/obmalloc.ts";
import { PyType_IsSubtype } from "../objects/object.ts";

/**
 * The constants of one statement: an arena reference (kept until the cell ends) only on
 * the literals written in it, which IPython's cell AST holds; null: on none.
 */
class CellConstantPool extends ConstantPool {
  constructor(private readonly literals: Set<string> | null) {
    super(true);
  }

  override get(c: Constant, fromParser: boolean): PyObject {
    const key = literalKey(c);
    return super.get(
      c,
      fromParser && this.literals !== null && key !== null && this.literals.has(key),
    );
  }
}

/** A statement's code: the compiler's unit, made a code object when it is about to run. */
interface VmCode extends Code {
  unit: CodeUnit;
  filename: string;
  /** The literal constants of the compilation, held until the shell releases the code */
  pool: ConstantPool;
  object: PyObject | null;
}

const asShell = (o: PyObject) => o as unknown as ShellObject;
const asVm = (o: ShellObject) => o as unknown as PyObject;

/** type(o).__name__ */
function typeName(t: PyTypeObject): string {
  const name = t.tp_name;
  return name.slice(name.lastIndexOf(".") + 1);
}

/**
 * IPython's own exception classes, raised where ipykernel raises them: UsageError (bad
 * magic), StdinNotImplementedError (input() without stdin). Subclasses of Exception, made
 * once, in a module named as IPython's.
 */
const IPYTHON_ERRORS = ["UsageError", "StdinNotImplementedError"];

export class VmEngine implements Engine {
  readonly interp: Interpreter;
  private readonly cellCompiler = new CellCompiler();
  private displayhook: ((value: ShellObject) => void) | null = null;
  /** The statement code object made last, freed when the next one is made (IPython's `code`) */
  private current: VmCode | null = null;
  private readonly ipythonErrors = new Map<string, PyObject>();
  /** run_code.ts's ExecutionResult class and run_code function, made on the first error. */
  private runCode: { result: PyObject; run: PyObject; code: PyObject } | null = null;

  constructor(readonly host: Host) {
    this.interp = new Interpreter(host, [""], { readSource: () => null });
    hostState.interrupt = host.interrupt;
    this.withoutInterrupts(() => this.makeIPythonErrors());
    const previous = hostRaise;
    setHostRaise((typeName, text) => {
      const cls = this.ipythonErrors.get(typeName);
      if (cls !== undefined) return this.instantiate(cls, text);
      // ipykernel: an interrupted input() raises KeyboardInterrupt("Interrupted by user")
      if (typeName === "KeyboardInterrupt") return PyErr_Format(PyExc_KeyboardInterrupt, text);
      return previous(typeName, text);
    });
  }

  /**
   * Runs the shell's own Python (its classes, the pretty printer) where an interrupt meant
   * for the user's cell cannot stop it: the eval loop reads the flag each frame starts with.
   */
  private withoutInterrupts<T>(run: () => T): T {
    const flag = hostState.interrupt;
    hostState.interrupt = new Int32Array(1);
    try {
      return run();
    } finally {
      hostState.interrupt = flag;
    }
  }

  private makeIPythonErrors(): void {
    const ns = PyDict_New();
    try {
      const source = IPYTHON_ERRORS.map((n) =>
        `class ${n}(${n === "StdinNotImplementedError" ? "NotImplementedError" : "Exception"}):\n` +
        `    __module__ = "IPython.core.error"\n`
      ).join("");
      PyDict_SetItemString(ns, "__builtins__", this.interp.builtins);
      const code = this.interp.compile(source, { filename: "<IPython.core.error>", mode: "exec" });
      try {
        Py_DECREF(this.interp.exec(code, ns, ns));
      } finally {
        Py_DECREF(code);
      }
      for (const name of IPYTHON_ERRORS) {
        const cls = dictGetStr(ns, PyUnicode_FromString(name));
        if (cls !== null) {
          Py_INCREF(cls);
          this.ipythonErrors.set(name, cls);
        }
      }
    } catch (e) {
      // without these classes the errors fall back to the builtin ones
      if (isPyErr(e)) Py_DECREF(e);
      else if (e instanceof PythonError) Py_DECREF(e.exception);
    } finally {
      Py_DECREF(ns);
    }
  }

  private instantiate(cls: PyObject, text: string): PyObject {
    const arg = PyUnicode_FromString(text);
    try {
      return PyObject_Vectorcall(cls, [arg], 0, 1, null);
    } finally {
      Py_DECREF(arg);
    }
  }

  // ---- errors ----

  /** Anything the VM threw, as the shell's PythonException (owning the exception). */
  private toShell(e: unknown): unknown {
    if (e instanceof PythonError) {
      return new PythonException(asShell(e.exception), typeName(e.exception.ob_type));
    }
    if (isPyErr(e)) return new PythonException(asShell(e), typeName(e.ob_type));
    if (e instanceof CompileError) {
      const exc = syntaxErrorFrom(e);
      return new PythonException(asShell(exc), typeName(exc.ob_type));
    }
    return e;
  }

  private guard<T>(run: () => T): T {
    try {
      return run();
    } catch (e) {
      throw this.toShell(e);
    }
  }

  // ---- compiling and running ----

  compileCell(source: string, filename: string, interactive: boolean): Code[] {
    return this.guard(() =>
      this.cellCompiler.compileCell(source, filename, interactive).map((s): VmCode => ({
        mode: s.mode,
        unit: s.code,
        filename,
        pool: new CellConstantPool(s.literals),
        object: null,
      }))
    );
  }

  compile(source: string, filename: string, mode: "exec" | "single" | "eval"): Code {
    return this.guard((): VmCode => ({
      mode,
      unit: compile(source, { filename, mode, flags: this.cellCompiler.futureFlags }),
      filename,
      // compile() of a string: its tree is gone before the code runs
      pool: new CellConstantPool(null),
      object: null,
    }));
  }

  /** The code object of a statement, made now; the one made before it is freed. */
  private materialize(code: VmCode): PyObject {
    if (code.object === null) {
      code.object = PyCode_FromUnit(code.unit, code.pool);
      code.pool.clear();
    }
    const previous = this.current;
    this.current = code;
    if (previous !== null && previous !== code && previous.object !== null) {
      Py_DECREF(previous.object);
      previous.object = null;
    }
    return code.object;
  }

  exec(code: Code): void {
    this.guard(() => Py_DECREF(this.interp.exec(this.materialize(code as VmCode))));
  }

  evaluate(code: Code): ShellObject {
    return this.guard(() => asShell(this.interp.exec(this.materialize(code as VmCode))));
  }

  timingFunction(setup: string, stmt: string): ShellObject {
    return this.guard(() => {
      const unit = compileAst(timingModule(setup, stmt), {
        filename: "<magic-timeit>",
        flags: this.cellCompiler.futureFlags,
      });
      const code = PyCode_FromUnit(unit, new CellConstantPool(null));
      // as IPython: exec(code, user_ns, ns), the function taken from ns
      const scope = PyDict_New();
      try {
        Py_DECREF(this.interp.exec(code, this.interp.globals, scope));
        const key = PyUnicode_FromString("inner");
        const inner = dictGetStr(scope, key)!;
        Py_DECREF(key);
        Py_INCREF(inner);
        return asShell(inner);
      } finally {
        Py_DECREF(scope);
        Py_DECREF(code);
      }
    });
  }

  release(codes: Code[]): void {
    for (const c of codes as VmCode[]) {
      if (c.object !== null) {
        Py_DECREF(c.object);
        c.object = null;
      }
      if (this.current === c) this.current = null;
      c.pool.release();
    }
  }

  runModule(
    name: string,
    source: string,
    natives: { [name: string]: NativeFunction } = {},
    importable = false,
  ): ShellObject {
    return this.guard(() =>
      this.withoutInterrupts(() => {
        const mod = PyModule_New(name);
        const d = PyModule_GetDict(mod);
        PyDict_SetItemString(d, "__builtins__", this.interp.builtins);
        for (const [k, fn] of Object.entries(natives)) {
          const f = this.native(k, fn);
          PyDict_SetItemString(d, k, asVm(f));
          Py_DECREF(asVm(f));
        }
        if (importable) PyDict_SetItemString(importState.modules!, name, mod);
        const code = this.interp.compile(source, { filename: `<${name}>`, mode: "exec" });
        try {
          Py_DECREF(this.interp.exec(code, d, d));
        } catch (e) {
          Py_DECREF(mod);
          throw e;
        } finally {
          Py_DECREF(code);
        }
        return asShell(mod);
      })
    );
  }

  compileCommand(source: string): "complete" | "incomplete" | "invalid" {
    return compileCommand(source);
  }

  sourceText(filename: string): string | null {
    return sourceCache.get(filename) ?? null;
  }

  registerSource(filename: string, source: string): void {
    sourceCache.set(filename, source);
  }

  setDisplayhook(hook: (value: ShellObject) => void): void {
    this.displayhook = hook;
    const fn = this.native("displayhook", (args) => {
      if (args.length !== 1) {
        throw { typeName: "TypeError", text: "displayhook() takes exactly one argument" };
      }
      this.displayhook?.(args[0]);
      return null;
    });
    PyDict_SetItemString(sysState.dict!, "displayhook", asVm(fn));
    Py_DECREF(asVm(fn));
  }

  // ---- native functions and modules ----

  private native(name: string, fn: NativeFunction): ShellObject {
    const meth = (_self: PyObject | null, args: PyObject, kwargs: PyObject | null): PyObject => {
      const kw = new Map<string, ShellObject>();
      if (kwargs !== null) dictForEach(kwargs, (k, v) => kw.set(str(k), asShell(v)));
      let result: ShellObject | null;
      try {
        result = fn(tupleItems(args).map(asShell), kw);
      } catch (e) {
        if (e instanceof PythonException) throw asVm(e.exception);
        throw e;
      }
      if (result === null) {
        Py_INCREF(Py_None);
        return Py_None;
      }
      return asVm(result);
    };
    return asShell(PyCFunction_New(
      {
        ml_name: name,
        ml_meth: meth,
        ml_flags: METH_VARARGS | METH_KEYWORDS,
        ml_doc: null,
      } as Parameters<typeof PyCFunction_New>[0],
      null,
    ));
  }

  defineBuiltin(name: string, fn: NativeFunction): void {
    const f = this.native(name, fn);
    PyDict_SetItemString(PyModule_GetDict(this.interp.builtins), name, asVm(f));
    Py_DECREF(asVm(f));
  }

  newFunction(name: string, fn: NativeFunction): ShellObject {
    return this.native(name, fn);
  }

  newModule(
    name: string,
    members: { [name: string]: NativeFunction },
    importable: boolean,
  ): ShellObject {
    const mod = PyModule_New(name);
    const d = PyModule_GetDict(mod);
    for (const [k, fn] of Object.entries(members)) {
      const f = this.native(k, fn);
      PyDict_SetItemString(d, k, asVm(f));
      Py_DECREF(asVm(f));
    }
    if (importable) PyDict_SetItemString(importState.modules!, name, mod);
    return asShell(mod);
  }

  // ---- the __main__ namespace ----

  getGlobal(name: string): ShellObject | null {
    const key = PyUnicode_FromString(name);
    try {
      const v = dictGetStr(this.interp.globals, key);
      if (v === null) return null;
      Py_INCREF(v);
      return asShell(v);
    } finally {
      Py_DECREF(key);
    }
  }

  setGlobal(name: string, value: ShellObject): void {
    PyDict_SetItemString(this.interp.globals, name, asVm(value));
  }

  deleteGlobal(name: string): boolean {
    const key = PyUnicode_FromString(name);
    try {
      PyDict_DelItem(this.interp.globals, key);
      return true;
    } catch (e) {
      if (isPyErr(e)) {
        Py_DECREF(e);
        return false;
      }
      throw e;
    } finally {
      Py_DECREF(key);
    }
  }

  globalNames(): string[] {
    return this.interp.globalNames();
  }

  loadedModule(name: string): ShellObject | null {
    const key = PyUnicode_FromString(name);
    try {
      const m = dictGetStr(importState.modules!, key);
      if (m === null) return null;
      Py_INCREF(m);
      return asShell(m);
    } finally {
      Py_DECREF(key);
    }
  }

  builtinNames(): string[] {
    return dictKeyList(PyModule_GetDict(this.interp.builtins)).map((k) => str(k));
  }

  // ---- objects ----

  incref(o: ShellObject): void {
    Py_INCREF(asVm(o));
  }

  decref(o: ShellObject): void {
    Py_DECREF(asVm(o));
  }

  none(): ShellObject {
    Py_INCREF(Py_None);
    return asShell(Py_None);
  }

  isNone(o: ShellObject): boolean {
    return asVm(o) === Py_None;
  }

  is(a: ShellObject, b: ShellObject): boolean {
    return a === b;
  }

  isTrue(o: ShellObject): boolean {
    return this.guard(() => PyObject_IsTrue(asVm(o)));
  }

  newStr(s: string): ShellObject {
    return asShell(PyUnicode_FromString(s));
  }

  newInt(n: number): ShellObject {
    return asShell(PyLong_FromNumber(n));
  }

  newList(): ShellObject {
    return asShell(PyList_New(0));
  }

  newDict(): ShellObject {
    return asShell(PyDict_New());
  }

  listAppend(list: ShellObject, item: ShellObject): void {
    this.guard(() => PyList_Append(asVm(list), asVm(item)));
  }

  dictSetItem(dict: ShellObject, key: ShellObject, value: ShellObject): void {
    this.guard(() => PyDict_SetItem(asVm(dict), asVm(key), asVm(value)));
  }

  dictDelItem(dict: ShellObject, key: ShellObject): boolean {
    return this.guard(() => {
      if (!PyDict_Contains(asVm(dict), asVm(key))) return false;
      PyDict_DelItem(asVm(dict), asVm(key));
      return true;
    });
  }

  dictClear(dict: ShellObject): void {
    PyDict_Clear(asVm(dict));
  }

  length(o: ShellObject): number {
    return this.guard(() => PyObject_Size(asVm(o)));
  }

  typeName(o: ShellObject): string {
    return typeName(asVm(o).ob_type);
  }

  repr(o: ShellObject): string {
    return this.guard(() => this.interp.repr(asVm(o)));
  }

  str(o: ShellObject): string {
    return this.guard(() => {
      const s = PyObject_Str(asVm(o));
      try {
        return str(s);
      } finally {
        Py_DECREF(s);
      }
    });
  }

  getAttr(o: ShellObject, name: string): ShellObject | null {
    try {
      return asShell(PyObject_GetAttrString(asVm(o), name));
    } catch (e) {
      if (isPyErr(e) && PyType_IsSubtype(e.ob_type, PyExc_AttributeError)) {
        Py_DECREF(e);
        return null;
      }
      throw this.toShell(e);
    }
  }

  call(fn: ShellObject, args: ShellObject[]): ShellObject {
    return this.guard(() =>
      asShell(PyObject_Vectorcall(asVm(fn), args.map(asVm), 0, args.length, null))
    );
  }

  asString(o: ShellObject): string | null {
    const v = asVm(o);
    return PyUnicode_Check(v) ? str(v) : null;
  }

  asJson(o: ShellObject): unknown {
    const v = asVm(o);
    if (v === Py_None) return null;
    if (v === Py_True) return true;
    if (v === Py_False) return false;
    if (PyBool_Check(v)) return PyObject_IsTrue(v);
    if (PyLong_Check(v)) return Number(longValue(v));
    if (PyFloat_Check(v)) return PyFloat_AS_DOUBLE(v);
    if (PyUnicode_Check(v)) return str(v);
    if (PyList_Check(v) || PyTuple_Check(v)) {
      const items = PyList_Check(v)
        ? (v as unknown as { ob_item: PyObject[] }).ob_item
        : tupleItems(v);
      return items.slice(0, PyObject_Size(v)).map((x) => this.asJson(asShell(x)));
    }
    if (PyDict_Check(v)) {
      const out: Record<string, unknown> = {};
      dictForEach(v, (k, x) => {
        out[PyUnicode_Check(k) ? str(k) : this.repr(asShell(k))] = this.asJson(asShell(x));
      });
      return out;
    }
    return this.repr(o);
  }

  dir(o: ShellObject): string[] {
    return this.guard(() => {
      const list = PyObject_Dir(asVm(o));
      try {
        return this.asJson(asShell(list)) as string[];
      } finally {
        Py_DECREF(list);
      }
    });
  }

  private builtinCall(module: "builtins" | "sys", name: string, o: PyObject): PyObject {
    const mod = module === "builtins"
      ? this.interp.builtins
      : dictGetStr(importState.modules!, PyUnicode_FromString("sys"))!;
    const fn = PyObject_GetAttrString(mod, name);
    try {
      return PyObject_Vectorcall(fn, [o], 0, 1, null);
    } finally {
      Py_DECREF(fn);
    }
  }

  info(o: ShellObject): ObjectInfo {
    const v = asVm(o);
    let docstring: string | null = null;
    const doc = this.getAttr(o, "__doc__");
    if (doc !== null) {
      docstring = this.asString(doc);
      this.decref(doc);
    }
    let size = 0;
    try {
      const s = this.builtinCall("sys", "getsizeof", v);
      size = Number(longValue(s));
      Py_DECREF(s);
    } catch (e) {
      if (isPyErr(e)) Py_DECREF(e);
    }
    return {
      typeName: typeName(v.ob_type),
      repr: this.repr(o),
      signature: null,
      docstring,
      // the shell holds one reference to ask: the others are the program's
      refcount: v.ob_refcnt - 1,
      id: BigInt(addressOf(v.ob_id)),
      size,
    };
  }

  passThroughRunCode(exception: ShellObject): ShellObject | null {
    const exc = asVm(exception);
    try {
      const runCode = this.runCode ??= this.withoutInterrupts(() => this.loadRunCode());
      return asShell(this.withoutInterrupts(() => {
        const result = PyObject_Vectorcall(runCode.result, [], 0, 0, null);
        try {
          PyObject_SetAttrString(result, "error_in_exec", exc);
          Py_DECREF(PyObject_Vectorcall(runCode.run, [result], 0, 1, null));
        } catch (e) {
          Py_DECREF(result);
          throw e;
        }
        return result;
      }));
    } catch (e) {
      // the error is shown as it is, without IPython's frame
      if (isPyErr(e)) Py_DECREF(e);
      else if (e instanceof PythonError) Py_DECREF(e.exception);
      else throw e;
      return null;
    }
  }

  private loadRunCode(): { result: PyObject; run: PyObject; code: PyObject } {
    const mod = asVm(this.runModule(RUN_CODE_MODULE, RUN_CODE_SOURCE));
    try {
      const result = PyObject_GetAttrString(mod, "ExecutionResult");
      const run = PyObject_GetAttrString(mod, "run_code");
      return { result, run, code: PyObject_GetAttrString(run, "__code__") };
    } finally {
      Py_DECREF(mod);
    }
  }

  formatException(e: PythonException): FormattedException {
    const exc = asVm(e.exception);
    // the entry run_code added is hidden, as IPython hides its own frames
    const d = excData(exc);
    const full = d.traceback;
    const hidden = full !== null && this.runCode !== null &&
      frameObjectData(tbFrame(full)).f_frame.f_code === this.runCode.code;
    let text: string;
    if (hidden) d.traceback = tbNext(full);
    try {
      text = this.interp.formatException(exc);
    } finally {
      d.traceback = full;
    }
    let evalue = "";
    try {
      evalue = this.str(e.exception);
    } catch (err) {
      if (err instanceof PythonException) this.decref(err.exception);
    }
    // IPython's showtraceback keeps the last error as sys.last_type/value/traceback
    const sysd = sysState.dict;
    if (sysd !== null) {
      PyDict_SetItemString(sysd, "last_type", exc.ob_type);
      PyDict_SetItemString(sysd, "last_value", exc);
      const tb = this.getAttr(e.exception, "__traceback__");
      PyDict_SetItemString(sysd, "last_traceback", tb === null ? Py_None : asVm(tb));
      if (tb !== null) this.decref(tb);
    }
    return { ename: e.typeName, evalue, traceback: text.replace(/\n$/, "").split("\n") };
  }

  // ---- dis ----

  disassembleCode(code: Code): string {
    return disText((code as VmCode).unit);
  }

  /** A VM code object as dis reads it. */
  private disCode(object: PyObject): DisCode<PyObject> {
    const co = codeData(object);
    return {
      code: co.code,
      consts: co.consts,
      names: co.names.map((n: PyObject) => str(n)),
      localsplusnames: tupleItems(co.co_localsplusnames).map((n) => str(n)),
      linetable: co.co_linetable,
      firstlineno: co.co_firstlineno,
      exceptiontable: co.co_exceptiontable,
    };
  }

  private disCodeObject(co: PyObject): string {
    return disassembleRecursive<PyObject>(this.disCode(co), {
      reprConst: (c) => this.repr(asShell(c)),
      asCode: (c) => (PyCode_Check(c) ? this.disCode(c) : null),
    });
  }

  /** dis.dis(x) for functions, methods, code objects, classes and source strings. */
  disassemble(o: ShellObject): string {
    return this.guard(() => {
      let v = asVm(o);
      if (PyMethod_Check(v)) v = PyObject_GetAttrString(v, "__func__");
      else Py_INCREF(v);
      try {
        if (PyFunction_Check(v)) {
          const code = PyObject_GetAttrString(v, "__code__");
          try {
            return this.disCodeObject(code);
          } finally {
            Py_DECREF(code);
          }
        }
        if (PyCode_Check(v)) return this.disCodeObject(v);
        if (PyUnicode_Check(v)) {
          return disText(compile(str(v), { filename: "<dis>", mode: "exec" }));
        }
        if (PyType_Check(v)) {
          let out = "";
          const d = PyObject_GetAttrString(v, "__dict__");
          try {
            const items: [string, PyObject][] = [];
            const mapping = this.asItems(d);
            for (const [k, x] of mapping) items.push([k, x]);
            items.sort((a, b) => (a[0] < b[0] ? -1 : 1));
            for (const [name, x] of items) {
              if (PyFunction_Check(x) || PyCode_Check(x) || PyMethod_Check(x)) {
                out += `Disassembly of ${name}:\n${this.disassemble(asShell(x))}\n`;
              }
            }
          } finally {
            Py_DECREF(d);
          }
          return out;
        }
        throw PyErr_Format(
          builtinExceptions.get("TypeError")!,
          `don't know how to disassemble ${typeName(v.ob_type)} objects`,
        );
      } finally {
        Py_DECREF(v);
      }
    });
  }

  private asItems(mapping: PyObject): [string, PyObject][] {
    const out: [string, PyObject][] = [];
    if (PyDict_Check(mapping)) dictForEach(mapping, (k, v) => out.push([str(k), v]));
    else {
      const d = PyObject_GetAttrString(mapping, "copy");
      const copy = PyObject_Vectorcall(d, [], 0, 0, null);
      Py_DECREF(d);
      dictForEach(copy, (k, v) => out.push([str(k), v]));
      Py_DECREF(copy);
    }
    return out;
  }

  collectYoung(): void {
    const young = gcstate.generations[0];
    if (gcstate.enabled && young.threshold !== 0) this.collectGarbage(1);
  }

  collectGarbage(generation = 2): number {
    // as gc.collect(generation): the gc module need not have been imported
    if (gcstate.collecting) return 0;
    gcstate.collecting = true;
    try {
      return gcstate.collectWithCallback(generation);
    } catch (e) {
      if (isPyErr(e)) Py_DECREF(e);
      else throw e;
      return 0;
    } finally {
      gcstate.collecting = false;
    }
  }
}

export function createEngine(host: Host): Engine {
  return new VmEngine(host);
}

// PyObject_Repr is part of the shell's needs through Interpreter.repr; kept for dis reprs.
void PyObject_Repr;
