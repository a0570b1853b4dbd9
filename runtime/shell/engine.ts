// What the shell needs from a Python engine: compile a cell the way IPython splits it, run
// code objects in `__main__`, and a handful of C-API-like operations on objects, so that the
// shell can keep IPython's `_`, `Out` and `In`, format display bundles, complete and
// inspect. The real engine is glasspy's VM (vm_engine.ts); the shell never looks inside
// an object.
//
// References follow CPython's C API: a PyObject an Engine method returns is a new
// reference that the caller owns and releases with `decref`; a PyObject passed in is
// borrowed, unless the method says it steals it.

import type { Host } from "../vm/host.ts";

declare const pyObjectBrand: unique symbol;

/** An object in the engine's heap. Opaque: only the engine that made it looks inside. */
export interface PyObject {
  readonly [pyObjectBrand]: true;
}

/** A compiled code object, opaque to the shell. */
export interface Code {
  /** The mode it was compiled in */
  readonly mode: "exec" | "single" | "eval";
}

/**
 * Python code raised. `exception` is the exception object (owned by this error). The
 * engine turns it into CPython's traceback text with `formatException`.
 */
export class PythonException extends Error {
  constructor(
    readonly exception: PyObject,
    /** The exception's class name, e.g. "ZeroDivisionError" */
    readonly typeName: string,
  ) {
    super(typeName);
  }
}

/** An exception as Jupyter's error message and CPython's traceback print it. */
export interface FormattedException {
  /** The class name, e.g. "ZeroDivisionError" */
  ename: string;
  /** str() of the exception */
  evalue: string;
  /**
   * The lines `traceback.print_exception` writes, each without its newline; joined with
   * "\n" they read as CPython 3.11 prints the error.
   */
  traceback: string[];
}

/**
 * A function written in TypeScript that Python code calls (`display`, the magics behind
 * `get_ipython()`). Arguments are borrowed; the result is a new reference, or null for
 * None. To raise, it throws a HostRaise (the VM raises that class, creating an Exception
 * subclass of that name when it is not a builtin, as for UsageError), or lets a
 * PythonException from a nested engine call pass through (re-raised as it is).
 */
export type NativeFunction = (
  args: PyObject[],
  kwargs: Map<string, PyObject>,
) => PyObject | null;

/** What `inspect_request` and `obj?` show about an object. */
export interface ObjectInfo {
  typeName: string;
  /** repr(), possibly long */
  repr: string;
  /** The signature as `inspect.signature` prints it, for callables: "(a, b=1)" */
  signature: string | null;
  docstring: string | null;
  refcount: number;
  id: bigint;
  size: number;
}

export interface Engine {
  /**
   * Compiles a cell as IPython 8 runs it: each top-level statement its own code object in
   * 'exec' mode, except a trailing expression statement, compiled in 'single' mode when
   * `interactive` is set. Throws a PythonException carrying a SyntaxError.
   */
  compileCell(source: string, filename: string, interactive: boolean): Code[];

  /** compile(source, filename, mode); throws a PythonException (SyntaxError). */
  compile(source: string, filename: string, mode: "exec" | "single" | "eval"): Code;

  /** Runs a code object with `__main__.__dict__` as globals and locals; throws PythonException. */
  exec(code: Code): void;

  /** Evaluates a code object compiled in 'eval' mode in `__main__`; a new reference. */
  evaluate(code: Code): PyObject;

  /**
   * The shell is done with these code objects (the cell has ended): their objects and the
   * literal constants the cell's source kept alive are released.
   */
  release(codes: Code[]): void;

  /**
   * %timeit's timing function (see timeit_template.ts): `inner(_it, _timer)` running
   * `setup` once and `stmt` per item of _it, with `__main__` as its globals; a new
   * reference. Throws PythonException (a SyntaxError). Absent from engines that run no
   * Python functions.
   */
  timingFunction?(setup: string, stmt: string): PyObject;

  /** The source registered (or read) under a file name, as linecache has it; null when none. */
  sourceText?(filename: string): string | null;

  /** Makes the file's source known to tracebacks (as linecache.cache does for IPython). */
  registerSource(filename: string, source: string): void;

  /** What `sys.displayhook` calls, from PRINT_EXPR in 'single' code; value is borrowed. */
  setDisplayhook(hook: (value: PyObject) => void): void;

  /** Adds a native function to the builtins module. */
  defineBuiltin(name: string, fn: NativeFunction): void;

  /** A Python function object that calls a native function; a new reference. */
  newFunction(name: string, fn: NativeFunction): PyObject;

  /**
   * A module object whose attributes are these native functions; a new reference. With
   * `importable`, it is also put in sys.modules so that `import name` finds it.
   */
  newModule(
    name: string,
    members: { [name: string]: NativeFunction },
    importable: boolean,
  ): PyObject;

  /**
   * Runs Python source as a new module's body, with `natives` bound in it first; the module,
   * a new reference; with `importable`, also sys.modules[name]. Throws PythonException. The
   * shell's own Python (the pretty printer, IPython.display) runs so.
   */
  runModule(
    name: string,
    source: string,
    natives?: { [name: string]: NativeFunction },
    importable?: boolean,
  ): PyObject;

  /**
   * codeop.compile_command(source, symbol='exec'): "complete" when it compiles,
   * "incomplete" when more input could complete it, "invalid" for a syntax error.
   */
  compileCommand(source: string): "complete" | "incomplete" | "invalid";

  // ---- the __main__ namespace ----

  /** `__main__.__dict__[name]`, a new reference, or null when unbound. */
  getGlobal(name: string): PyObject | null;
  /** Binds a name in `__main__` (the value is borrowed; the namespace takes its own reference). */
  setGlobal(name: string, value: PyObject): void;
  /** Unbinds a name; false when it was not bound. */
  deleteGlobal(name: string): boolean;
  /** The names bound in `__main__`, in insertion order. */
  globalNames(): string[];
  /** The names of the builtins module. */
  builtinNames(): string[];
  /** sys.modules[name] (a new reference), or null when that module is not loaded. */
  loadedModule(name: string): PyObject | null;

  // ---- objects ----

  incref(o: PyObject): void;
  decref(o: PyObject): void;
  none(): PyObject;
  isNone(o: PyObject): boolean;
  /** `a is b` */
  is(a: PyObject, b: PyObject): boolean;
  /** bool(o) (PyObject_IsTrue); throws PythonException */
  isTrue(o: PyObject): boolean;
  newStr(s: string): PyObject;
  newInt(n: number): PyObject;
  newList(): PyObject;
  newDict(): PyObject;
  /** list.append(item) (item borrowed) */
  listAppend(list: PyObject, item: PyObject): void;
  /** d[key] = value (both borrowed) */
  dictSetItem(dict: PyObject, key: PyObject, value: PyObject): void;
  /** del d[key] when the key is there (key borrowed); false when it was not */
  dictDelItem(dict: PyObject, key: PyObject): boolean;
  /** d.clear() */
  dictClear(dict: PyObject): void;
  /** len(o); throws PythonException */
  length(o: PyObject): number;
  /** type(o).__name__ */
  typeName(o: PyObject): string;
  /** repr(o); throws PythonException */
  repr(o: PyObject): string;
  /** str(o); throws PythonException */
  str(o: PyObject): string;
  /** getattr(o, name), a new reference, or null when it has no such attribute. */
  getAttr(o: PyObject, name: string): PyObject | null;
  /** fn(*args), a new reference; throws PythonException */
  call(fn: PyObject, args: PyObject[]): PyObject;
  /** The value of a str object (null when o is not a str). */
  asString(o: PyObject): string | null;
  /** The JSON value of plain data (dict with str keys, list, str, int, float, bool, None). */
  asJson(o: PyObject): unknown;
  /** dir(o); throws PythonException */
  dir(o: PyObject): string[];
  /** What inspect_request shows. */
  info(o: PyObject): ObjectInfo;

  /**
   * A statement's error as IPython's run_code catches it (run_code.ts): the exception passes
   * through a frame that keeps it on an ExecutionResult, which that frame holds; the result,
   * a new reference (it owns a reference to the exception), or null when it cannot be made.
   * Absent from engines that run no Python functions.
   */
  passThroughRunCode?(exception: PyObject): PyObject | null;

  /**
   * Formats an exception as CPython 3.11 prints it (without the run_code entry), and keeps
   * it as sys.last_type, sys.last_value and sys.last_traceback.
   */
  formatException(e: PythonException): FormattedException;

  /** The `dis.dis` text of a code object as the shell compiled it, nested code included. */
  disassembleCode(code: Code): string;
  /** The `dis.dis(obj)` text of an object (function, class, code, ...); throws PythonException */
  disassemble(o: PyObject): string;

  /** gc.collect(generation): the oldest generation by default */
  collectGarbage(generation?: number): number;

  /**
   * The collections of the young generations (0 and 1) that allocating many objects would
   * start: none when automatic collection is off (gc.disable(), or a threshold of 0).
   */
  collectYoung?(): void;
}

/** Makes an Engine whose Python code talks to the world through `host`. */
export type EngineFactory = (host: Host) => Engine;
