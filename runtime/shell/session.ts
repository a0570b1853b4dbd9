// The interactive session: one Python engine and its `__main__`, kept across cells. A cell
// runs as IPython 8 runs it under ipykernel: transformed (magics), split into top-level
// statements each compiled and run as its own code object, a trailing expression compiled
// in 'single' mode so that sys.displayhook shows it and binds `_`, `__`, `___`, `_N` and
// `Out[N]`. What happens is told as events (stream text, display bundles, the result, the
// error); the session knows nothing of ZeroMQ. The Deno REPL drives the same session in
// its "python" flavour, where input runs as CPython's REPL runs it.

import { HostRaise } from "../vm/host.ts";
import type { Host, StreamName } from "../vm/host.ts";
import { formatObject } from "./display.ts";
import type { FormattedData } from "./display.ts";
import { PythonException } from "./engine.ts";
import type {
  Code,
  Engine,
  EngineFactory,
  FormattedException,
  NativeFunction,
  PyObject,
} from "./engine.ts";
import type { EventSink, MimeBundle, ShellEvent } from "./events.ts";
import { MemoryHistory } from "./history.ts";
import type { HistoryEntry, HistoryStore } from "./history.ts";
import { MagicRegistry, UsageError } from "./magics.ts";
import { registerBuiltinMagics } from "./magics/builtin.ts";
import { complete } from "./complete.ts";
import type { Completion } from "./complete.ts";
import { inspectAt } from "./inspect.ts";
import type { Inspection } from "./inspect.ts";
import { isComplete } from "./is_complete.ts";
import type { IsComplete } from "./is_complete.ts";
import { endsWithSemicolon } from "./scan.ts";
import { transformCell } from "./transform.ts";
import type { Xmode } from "./magics/xmode.ts";
import { PRETTY_MODULE, PRETTY_SOURCE } from "./pretty.ts";
import { VERBOSETB_MODULE, VERBOSETB_SOURCE } from "./verbosetb.ts";
import { DISPLAY_MODULE, DISPLAY_SOURCE } from "./display_module.ts";
import { createEngine as createVmEngine } from "./vm_engine.ts";
import { GlassViews } from "./glass_api.ts";
import type { CellStats } from "../glass/cellstats.ts";
import { statsBundle } from "../glass/statstable.ts";

/** Process clocks for `%time`, in seconds. The host supplies them (runtime/ has no OS access). */
export interface Clock {
  /** Wall-clock time */
  wall(): number;
  /** CPU time of the process: user and system */
  cpu(): { user: number; system: number };
}

/**
 * The files the shell itself writes (`%history -f FILE`), supplied by the host: runtime/
 * has no OS access, and a session without them writes no files.
 */
export interface ShellFiles {
  /** os.path.expanduser(path) */
  expandUser(path: string): string;
  /** os.path.exists(path) */
  exists(path: string): boolean;
  /**
   * Writes text to the file as UTF-8, replacing what it held; throws a HostRaise of the
   * OSError subclass open() would raise (FileNotFoundError, PermissionError, ...).
   */
  writeText(path: string, text: string): void;
}

const defaultClock: Clock = {
  wall: () => Date.now() / 1000,
  cpu: () => ({ user: performance.now() / 1000, system: 0 }),
};

export interface SessionOptions {
  /** Makes the Python engine (default: glasspy's VM) */
  engine?: EngineFactory;
  /** Where events go (the kernel's iopub, the REPL's terminal). */
  emit?: EventSink;
  /** Reads a line for input() / getpass; null means end of input. */
  readline?: (prompt: string, password: boolean) => string | null;
  /** The interrupt flag the VM polls (element 0). */
  interrupt?: Int32Array;
  history?: HistoryStore;
  clock?: Clock;
  /** Where `%history -f` writes (default: nowhere; the magic says so) */
  files?: ShellFiles;
  /**
   * "ipython": cells as ipykernel runs them (Out, In, `_N`, execute_result events).
   * "python": input as CPython's REPL runs it (one 'single' compile, `builtins._`).
   */
  flavour?: "ipython" | "python";
  /** The banner shown by kernel_info and the REPL. */
  banner?: string;
}

export interface ExecuteOptions {
  silent?: boolean;
  storeHistory?: boolean;
  userExpressions?: { [name: string]: string };
  allowStdin?: boolean;
}

export interface ExecuteOutcome {
  status: "ok" | "error";
  /** The count to show as In[...]: IPython's execution_count - 1 after the cell */
  executionCount: number;
  error?: FormattedException;
  userExpressions: { [name: string]: unknown };
  payload: { [key: string]: unknown }[];
  /** What the VM did while the cell ran (the kernel sends it as metadata "glasspy.stats"). */
  stats: CellStats;
}

export class Session {
  readonly engine: Engine;
  readonly magics = new MagicRegistry();
  /**
   * The glass: statistics switched on or off, the last cell's statistics, and every view
   * the glass magics show (reference graphs, generations, the heap, traces, bytecode,
   * syntax trees) as data.
   */
  readonly glass: GlassViews = new GlassViews(this);
  readonly history: HistoryStore;
  readonly clock: Clock;
  readonly files: ShellFiles | null;
  readonly flavour: "ipython" | "python";
  /** IPython's execution_count: the number the next stored cell gets. */
  executionCount = 1;
  /** %xmode's exception reporting mode (ipykernel starts in Context) */
  xmode: Xmode = "Context";

  private readonly emitSink: EventSink;
  private readonly readlineFn: (prompt: string, password: boolean) => string | null;
  readonly interrupt: Int32Array;
  private allowStdin = false;
  private silent = false;
  /** The source of the running cell, for the `;` rule. */
  private currentCell = "";
  /** input_hist_parsed and input_hist_raw, with IPython's blank entry 0 */
  private readonly inputParsed: string[] = [""];
  private readonly inputRaw: string[] = [""];
  /** The _i00, _i, _ii, _iii values of HistoryManager */
  private inputVars = ["", "", "", ""];
  /** text/plain of each displayed result, by execution count */
  private readonly outputReprs = new Map<number, string>();
  /** The `In` list and `Out` dict objects */
  private inList: PyObject | null = null;
  private outDict: PyObject | null = null;
  /** The display hook's own references to the last three results (IPython's dh._, __, ___) */
  private readonly unders: [PyObject | null, PyObject | null, PyObject | null] = [null, null, null];
  /** The value the display hook gave the running cell, and the one kept from the last cell. */
  private cellResult: PyObject | null = null;
  private lastResult: PyObject | null = null;
  /**
   * IPython's user_ns_hidden: a dict of the names IPython itself pushed into the namespace
   * (`In`, `Out`, `_`, `_N`, `_i`, ...) and their objects. Its references count, as they do
   * in ipykernel (a displayed value is referenced from it twice, as `_` and as `_N`).
   */
  private hiddenDict: PyObject | null = null;
  /** The same entries, for `%who`'s identity test (borrowed: the dict holds them). */
  private readonly hidden = new Map<string, PyObject>();
  /**
   * What init_user_ns binds, to bind again after `%reset` (borrowed). Their owners are the
   * shell's own fields, one reference each, as IPython's history manager holds In, Out and
   * the directory history, and the shell its exit autocall.
   */
  private readonly initialNames: [string, PyObject][] = [];
  /** The objects behind initialNames (owned). */
  private readonly shellObjects: PyObject[] = [];
  private payloads: { [key: string]: unknown }[] = [];
  private heldAstLists: PyObject[] = [];
  /** The error of the running cell, and the one kept from the last cell (as results are). */
  private cellError: PyObject | null = null;
  private lastError: PyObject | null = null;
  private pretty: PyObject | null = null;
  /** The object `exit` and `quit` are bound to (borrowed: shellObjects holds it). */
  private quitter: PyObject | null = null;
  /** The Verbose traceback formatter (verbosetb.ts), loaded when first needed */
  private verboseFormat: PyObject | null = null;
  /** The source of each cell run, by its file name (for Verbose tracebacks) */
  private readonly cellSources = new Map<string, string>();
  private signatureFn: PyObject | null = null;
  readonly banner: string;

  constructor(options: SessionOptions = {}) {
    this.emitSink = options.emit ?? (() => {});
    this.readlineFn = options.readline ?? (() => null);
    this.interrupt = options.interrupt ?? new Int32Array(1);
    this.history = options.history ?? new MemoryHistory();
    this.clock = options.clock ?? defaultClock;
    this.files = options.files ?? null;
    this.flavour = options.flavour ?? "ipython";
    this.banner = options.banner ?? "";
    const host: Host = {
      write: (stream: StreamName, text: string) => this.write(stream, text),
      readline: (prompt: string, password: boolean) => this.readline(prompt, password),
      flush: (stream: StreamName) => this.emit({ type: "flush", name: stream }),
      cpuTime: () => {
        const used = this.clock.cpu();
        return used.user + used.system;
      },
      interrupt: this.interrupt,
    };
    this.engine = (options.engine ?? createVmEngine)(host);
    registerBuiltinMagics(this.magics);
    this.initNamespace();
  }

  // ---- events ----

  emit(event: ShellEvent): void {
    this.emitSink(event);
  }

  /** Text to sys.stdout / sys.stderr. */
  write(stream: StreamName, text: string): void {
    if (text !== "") this.emit({ type: "stream", name: stream, text });
  }

  /** Publishes a display bundle (display(), magics that show pictures). */
  displayData(bundle: FormattedData, displayId?: string, update = false): void {
    const transient = displayId === undefined ? {} : { display_id: displayId };
    if (update && displayId !== undefined) {
      this.emit({
        type: "update_display_data",
        data: bundle.data,
        metadata: bundle.metadata,
        transient: { display_id: displayId },
      });
    } else {
      this.emit({ type: "display_data", data: bundle.data, metadata: bundle.metadata, transient });
    }
  }

  /** An object's MIME bundle; a failing `_repr_*_` method has its traceback on stderr. */
  format(obj: PyObject): FormattedData {
    return formatObject(this.engine, obj, (e) => this.showTraceback(e), (o) => this.prettyText(o));
  }

  /** IPython's pretty text of an object, or null when there is no printer; throws as it does. */
  private prettyText(obj: PyObject): string | null {
    if (this.pretty === null) return null;
    const text = this.engine.call(this.pretty, [obj]);
    try {
      return this.engine.asString(text);
    } finally {
      this.engine.decref(text);
    }
  }

  /** The signature of a callable as inspect prints it ("(a, b=2)"), or null. */
  signatureOf(obj: PyObject): string | null {
    if (this.signatureFn === null) return null;
    try {
      const text = this.engine.call(this.signatureFn, [obj]);
      try {
        return this.engine.asString(text);
      } finally {
        this.engine.decref(text);
      }
    } catch (e) {
      if (!(e instanceof PythonException)) throw e;
      this.engine.decref(e.exception);
      return null;
    }
  }

  /** The pretty printer's `pretty` and `signature` functions, loaded once (ipython flavour). */
  private loadPrettyPrinter(): void {
    try {
      const module = this.engine.runModule(PRETTY_MODULE, PRETTY_SOURCE);
      this.pretty = this.engine.getAttr(module, "pretty");
      this.signatureFn = this.engine.getAttr(module, "signature");
      this.engine.decref(module);
    } catch (e) {
      if (!(e instanceof PythonException)) throw e;
      this.engine.decref(e.exception);
    }
  }

  /** Adds a page of help to the reply, as IPython's pager payload. */
  page(data: MimeBundle): void {
    this.payloads.push({ source: "page", data, start: 0 });
  }

  /**
   * A line of input for the shell's own questions (and the VM's input()): from the front
   * end, or StdinNotImplementedError when the request did not allow stdin; null at the end
   * of input.
   */
  readline(prompt: string, password: boolean): string | null {
    if (!this.allowStdin) {
      const what = password ? "getpass" : "raw_input";
      throw new HostRaise(
        "StdinNotImplementedError",
        `${what} was called, but this frontend does not support input requests.`,
      );
    }
    return this.readlineFn(prompt, password);
  }

  // ---- the user namespace ----

  /**
   * InteractiveShell.push(vars, interactive=False): binds names in `__main__` and records
   * them in user_ns_hidden (values borrowed).
   */
  private pushHidden(name: string, value: PyObject): void {
    const e = this.engine;
    e.setGlobal(name, value);
    if (this.hiddenDict === null) return;
    const key = e.newStr(name);
    e.dictSetItem(this.hiddenDict, key, value);
    e.decref(key);
    this.hidden.set(name, value);
  }

  /** init_user_ns: `_ih`, `_oh`, `_dh`, `In`, `Out`, `get_ipython`, `exit`, `quit`. */
  private bindInitialNames(): void {
    for (const [name, value] of this.initialNames) this.pushHidden(name, value);
    // the display hook's own start: `_`, `__`, `___` are '' (in user_ns only)
    const empty = this.engine.newStr("");
    for (const name of ["_", "__", "___"]) this.engine.setGlobal(name, empty);
    this.engine.decref(empty);
  }

  private initNamespace(): void {
    const e = this.engine;
    if (this.flavour === "python") {
      this.defineShellBuiltins();
      return;
    }
    this.hiddenDict = e.newDict();
    this.inList = e.newList();
    const empty = e.newStr("");
    e.listAppend(this.inList, empty);
    e.decref(empty);
    this.outDict = e.newDict();
    const dh = e.newList();
    this.shellObjects.push(dh);
    this.initialNames.push(
      ["_ih", this.inList],
      ["_oh", this.outDict],
      ["_dh", dh],
      ["In", this.inList],
      ["Out", this.outDict],
    );
    this.defineShellBuiltins();
    this.bindInitialNames();
    this.raiseRecursionLimit();
    this.loadPrettyPrinter();
    e.setDisplayhook((value) => this.displayhook(value));
  }

  /**
   * An ipykernel session starts with sys.getrecursionlimit() at 3000, not CPython's 1000:
   * IPython imports jedi (its completer), and jedi raises the limit when it is imported.
   */
  private raiseRecursionLimit(): void {
    const e = this.engine;
    const sys = e.loadedModule("sys");
    if (sys === null) return;
    const set = e.getAttr(sys, "setrecursionlimit");
    e.decref(sys);
    if (set === null) return;
    const limit = e.newInt(3000);
    try {
      e.decref(e.call(set, [limit]));
    } finally {
      e.decref(limit);
      e.decref(set);
    }
  }

  /**
   * What get_ipython() returns: an instance of a class named as ipykernel's shell class
   * (`<ipykernel.zmqshell.ZMQInteractiveShell object at 0x...>`, which notebooks test to
   * know they run in Jupyter), whose methods are these native functions. A module holding
   * them when the engine runs no Python classes.
   */
  private makeShellObject(methods: { [name: string]: NativeFunction }): PyObject {
    const e = this.engine;
    const names = Object.keys(methods);
    try {
      const module = e.runModule(
        "ipykernel.zmqshell",
        `class ZMQInteractiveShell:\n${names.map((n) => `    ${n} = ${n}\n`).join("")}\n` +
          "shell = ZMQInteractiveShell()\n",
        methods,
      );
      const shell = e.getAttr(module, "shell");
      e.decref(module);
      if (shell !== null) return shell;
    } catch (err) {
      if (!(err instanceof PythonException)) throw err;
      e.decref(err.exception);
    }
    return e.newModule("glasspy.shell", methods, false);
  }

  private defineShellBuiltins(): void {
    const e = this.engine;
    this.defineDisplay();
    const text = (args: PyObject[], i: number, what: string): string => {
      const s = args[i] === undefined ? null : e.asString(args[i]);
      if (s === null) throw new HostRaise("TypeError", `${what} must be a str`);
      return s;
    };
    // what the transformed source calls: get_ipython().run_line_magic('time', 'x = 1')
    const shell = this.makeShellObject({
      run_line_magic: (args) =>
        this.magicCall(() =>
          this.magics.lineMagic(text(args, 0, "magic name"))(this, text(args, 1, "line"))
        ),
      run_cell_magic: (args) =>
        this.magicCall(() =>
          this.magics.cellMagic(text(args, 0, "magic name"))(
            this,
            text(args, 1, "line"),
            text(args, 2, "cell"),
          )
        ),
      system: () => this.magicCall(() => notAvailable("shell commands (!cmd)")),
      getoutput: () => this.magicCall(() => notAvailable("shell commands (!cmd)")),
      show_usage: () => {
        this.write("stdout", USAGE);
        return null;
      },
    });
    // getpass.getpass asks the front end for a password, as ipykernel's replacement does
    // (only when the VM has no getpass module of its own loaded)
    const loaded = e.loadedModule("getpass");
    if (loaded !== null) e.decref(loaded);
    else {
      const getpass = e.newModule("getpass", {
        getpass: (args, kwargs) => {
          const prompt = kwargs.get("prompt") ?? args[0];
          const line = this.readline(prompt === undefined ? "Password: " : e.str(prompt), true);
          if (line === null) throw new HostRaise("EOFError", "");
          return e.newStr(line);
        },
      }, true);
      e.decref(getpass);
    }
    const getIpython = () => {
      e.incref(shell);
      return shell;
    };
    if (this.flavour === "python") {
      // CPython's REPL has no get_ipython in __main__: the magics find it in builtins
      e.defineBuiltin("get_ipython", getIpython);
      return;
    }
    const getIpythonFn = e.newFunction("get_ipython", getIpython);
    this.shellObjects.push(getIpythonFn);
    this.initialNames.push(["get_ipython", getIpythonFn]);
    // exit() and quit() ask the front end to stop the kernel: one object, as ipykernel's
    // ZMQExitAutocall is bound to both names
    const quitter = e.newFunction("exit", (args, kwargs) => {
      const keep = kwargs.get("keep_kernel") ?? args[0];
      this.payloads.push({ source: "ask_exit", keepkernel: keep !== undefined && e.isTrue(keep) });
      return null;
    });
    this.shellObjects.push(quitter);
    this.quitter = quitter;
    this.initialNames.push(["exit", quitter], ["quit", quitter]);
  }

  /**
   * IPython's autocall of IPyAutocall objects (prefilter's IPyAutocallChecker, for cells of
   * one line): a line that is only a name bound to the exit object calls it, as `exit()`.
   */
  private autocall(cell: string): string {
    const m = /^(\s*)([A-Za-z_]\w*)(\s*)$/.exec(cell);
    if (m === null || this.quitter === null) return cell;
    const value = this.engine.getGlobal(m[2]);
    if (value === null) return cell;
    const isQuitter = this.engine.is(value, this.quitter);
    this.engine.decref(value);
    return isQuitter ? `${m[1]}${m[2]}()${m[3]}` : cell;
  }

  /** Runs a magic from Python code: a UsageError becomes a Python exception of that name. */
  private magicCall(run: () => PyObject | null): PyObject | null {
    try {
      return run();
    } catch (err) {
      if (err instanceof UsageError) throw new HostRaise("UsageError", err.message);
      throw err;
    }
  }

  /** Asks the front end a question through input(); throws as input() would. */
  ask(prompt: string): string | null {
    return this.readline(prompt, false);
  }

  /**
   * `display` in builtins and the IPython.display module (display objects, DisplayHandle),
   * as Python over the shell's native publishing functions; an engine that runs no Python
   * (the tests' toy) gets the native functions themselves.
   */
  private defineDisplay(): void {
    const e = this.engine;
    const clearOutput: NativeFunction = (args, kwargs) => {
      const wait = kwargs.get("wait") ?? args[0];
      this.emit({ type: "clear_output", wait: wait !== undefined && e.isTrue(wait) });
      return null;
    };
    const natives: { [name: string]: NativeFunction } = {
      _display: (args, kwargs) => {
        const id = this.displayBuiltin(args, kwargs);
        return id === null ? null : e.newStr(id);
      },
      _clear_output: clearOutput,
      _new_display_id: () => e.newStr(newDisplayId()),
    };
    try {
      const module = e.runModule(DISPLAY_MODULE, DISPLAY_SOURCE, natives, true);
      const display = e.getAttr(module, "display");
      e.decref(module);
      if (display !== null) {
        e.decref(display);
        // `import IPython` finds the display module as IPython.display
        e.decref(
          e.runModule(
            "IPython",
            `import sys
display = sys.modules["IPython.display"]
`,
            {},
            true,
          ),
        );
        return;
      }
    } catch (err) {
      if (!(err instanceof PythonException)) throw err;
      e.decref(err.exception);
    }
    e.defineBuiltin("display", (args, kwargs) => {
      this.displayBuiltin(args, kwargs);
      return null;
    });
    const module = e.newModule(DISPLAY_MODULE, {
      display: (args, kwargs) => {
        this.displayBuiltin(args, kwargs);
        return null;
      },
      clear_output: clearOutput,
    }, true);
    e.decref(module);
  }

  /**
   * `display(*objs, raw=False, display_id=None, update=False, clear=False, metadata=None)`;
   * returns the display id when one was given (display() then returns a DisplayHandle).
   */
  private displayBuiltin(args: PyObject[], kwargs: Map<string, PyObject>): string | null {
    const e = this.engine;
    const flag = (name: string) => {
      const v = kwargs.get(name);
      return v !== undefined && e.isTrue(v);
    };
    for (const key of kwargs.keys()) {
      if (
        !["raw", "display_id", "update", "clear", "metadata", "include", "exclude", "transient"]
          .includes(key)
      ) {
        throw new HostRaise("TypeError", `display() got an unexpected keyword argument '${key}'`);
      }
    }
    let displayId: string | undefined;
    const idArg = kwargs.get("display_id");
    if (idArg !== undefined && !e.isNone(idArg)) {
      displayId = e.asString(idArg) ?? (e.isTrue(idArg) ? newDisplayId() : undefined);
    }
    const update = flag("update");
    if (update && displayId === undefined) {
      throw new HostRaise("TypeError", "display_id required for update_display");
    }
    if (flag("clear")) this.emit({ type: "clear_output", wait: true });
    const extra = kwargs.get("metadata");
    const extraMetadata = extra !== undefined && !e.isNone(extra) ? e.asJson(extra) : null;
    for (const obj of args) {
      const bundle: FormattedData = flag("raw")
        ? { data: (e.asJson(obj) ?? {}) as MimeBundle, metadata: {} }
        : this.format(obj);
      if (extraMetadata !== null && typeof extraMetadata === "object") {
        Object.assign(bundle.metadata, extraMetadata);
      }
      this.displayData(bundle, displayId, update);
    }
    return displayId ?? null;
  }

  /** The names `%who` lists: bound by the user, not starting with `_`. */
  userNames(): string[] {
    const e = this.engine;
    const names: string[] = [];
    for (const name of e.globalNames()) {
      if (name.startsWith("_")) continue;
      const hidden = this.hidden.get(name);
      if (hidden !== undefined) {
        const value = e.getGlobal(name);
        const same = value !== null && e.is(value, hidden);
        if (value !== null) e.decref(value);
        if (same) continue;
      }
      names.push(name);
    }
    return names;
  }

  /**
   * `%reset -f`, as InteractiveShell.reset(new_session=False): the last result dropped; the
   * output cache flushed as DisplayHook.flush does it (the `_N` names, `Out`, and `_`, `__`,
   * `___` emptied, then a full collection); every name but `__builtins__` and `__name__`
   * deleted, IPython's hidden names cleared and its own names bound again.
   */
  reset(): void {
    const e = this.engine;
    this.releaseResults();
    for (const name of e.globalNames()) {
      if (/^_\d+$/.test(name)) e.deleteGlobal(name);
    }
    if (this.outDict !== null) e.dictClear(this.outDict);
    this.outputReprs.clear();
    const empty = e.newStr("");
    for (const name of ["_", "__", "___"]) e.setGlobal(name, empty);
    e.decref(empty);
    e.collectGarbage();
    for (const name of e.globalNames()) {
      if (name === "__builtins__" || name === "__name__" || name === "__builtin__") continue;
      e.deleteGlobal(name);
    }
    if (this.hiddenDict !== null) e.dictClear(this.hiddenDict);
    this.hidden.clear();
    this.bindInitialNames();
  }

  /**
   * `%xdel`, as InteractiveShell.del_var: by name, the name leaves the user namespace and
   * IPython's hidden one; by object (the default), every name bound to the object there and
   * in `Out` goes, and so do the last result IPython keeps and the display hook's `_`,
   * `__`, `___`. Throws HostRaise NameError / ValueError, as del_var raises them.
   */
  deleteVariable(name: string, byName: boolean): void {
    const e = this.engine;
    if (name === "__builtin__" || name === "__builtins__") {
      throw new HostRaise("ValueError", `Refusing to delete ${name}`);
    }
    const dropHidden = (key: string) => {
      if (this.hiddenDict === null || !this.hidden.has(key)) return;
      this.hidden.delete(key);
      const k = e.newStr(key);
      e.dictDelItem(this.hiddenDict, k);
      e.decref(k);
    };
    if (byName) {
      e.deleteGlobal(name);
      dropHidden(name);
      return;
    }
    const obj = e.getGlobal(name);
    if (obj === null) throw new HostRaise("NameError", `name '${name}' is not defined`);
    try {
      for (const n of e.globalNames()) {
        const value = e.getGlobal(n);
        if (value === null) continue;
        if (e.is(value, obj)) e.deleteGlobal(n);
        e.decref(value);
      }
      for (const [n, value] of [...this.hidden]) {
        if (!e.is(value, obj)) continue;
        const count = /^_(\d+)$/.exec(n);
        if (count !== null && this.outDict !== null) {
          const key = e.newInt(Number(count[1]));
          e.dictDelItem(this.outDict, key);
          e.decref(key);
        }
        dropHidden(n);
      }
      if (this.lastResult !== null && e.is(this.lastResult, obj)) {
        e.decref(this.lastResult);
        this.lastResult = null;
        if (this.lastError !== null) e.decref(this.lastError);
        this.lastError = null;
      }
      for (let i = 0; i < 3; i++) {
        const under = this.unders[i];
        if (under !== null && e.is(under, obj)) this.setUnder(i, null);
      }
    } finally {
      e.decref(obj);
    }
  }

  private releaseResults(): void {
    for (let i = 0; i < 3; i++) this.setUnder(i, null);
    this.setCellResult(null);
    if (this.lastResult !== null) this.engine.decref(this.lastResult);
    this.lastResult = null;
    if (this.lastError !== null) this.engine.decref(this.lastError);
    this.lastError = null;
  }

  private setUnder(i: number, value: PyObject | null): void {
    const old = this.unders[i];
    if (value !== null) this.engine.incref(value);
    this.unders[i] = value;
    if (old !== null) this.engine.decref(old);
  }

  private setCellResult(value: PyObject | null): void {
    const old = this.cellResult;
    if (value !== null) this.engine.incref(value);
    this.cellResult = value;
    if (old !== null) this.engine.decref(old);
  }

  // ---- the display hook (IPython's DisplayHook.__call__) ----

  private displayhook(value: PyObject): void {
    const e = this.engine;
    if (e.isNone(value) || endsWithSemicolon(this.currentCell)) return;
    const bundle = this.format(value);
    this.updateUserNamespace(value);
    this.setCellResult(value);
    // ipykernel sends no execute_result for an empty bundle (every formatter failed)
    if (Object.keys(bundle.data).length === 0) return;
    this.emit({
      type: "execute_result",
      execution_count: this.executionCount,
      data: bundle.data,
      metadata: bundle.metadata,
    });
    const plain = bundle.data["text/plain"];
    if (typeof plain === "string") this.outputReprs.set(this.executionCount, plain);
  }

  /** `_`, `__`, `___`, `_N` and `Out[N]`, as DisplayHook.update_user_ns binds them. */
  private updateUserNamespace(value: PyObject): void {
    const e = this.engine;
    if (this.outDict !== null && e.is(value, this.outDict)) return;
    let updateUnders = true;
    (["_", "__", "___"] as const).forEach((name, i) => {
      const bound = e.getGlobal(name);
      if (bound === null) return;
      const mine = this.unders[i];
      // IPython compares with its own '' at first; a name the user rebound stops the update
      if (mine === null ? e.asString(bound) !== "" : !e.is(bound, mine)) updateUnders = false;
      e.decref(bound);
    });
    this.setUnder(2, this.unders[1]);
    this.setUnder(1, this.unders[0]);
    this.setUnder(0, value);
    if (updateUnders) {
      (["_", "__", "___"] as const).forEach((name, i) => {
        const v = this.unders[i];
        if (v !== null) this.pushHidden(name, v);
        else {
          const empty = e.newStr("");
          this.pushHidden(name, empty);
          e.decref(empty);
        }
      });
    }
    this.pushHidden(`_${this.executionCount}`, value);
    if (this.outDict !== null) {
      const key = e.newInt(this.executionCount);
      e.dictSetItem(this.outDict, key, value);
      e.decref(key);
    }
  }

  // ---- input history (HistoryManager.store_inputs) ----

  private storeInputs(line: number, source: string, sourceRaw: string): void {
    source = source.replace(/\n+$/, "");
    sourceRaw = sourceRaw.replace(/\n+$/, "");
    if (/^(exit|quit)(\s*\(.*\))?$/.test(sourceRaw.trim())) return;
    this.inputParsed.push(source);
    this.inputRaw.push(sourceRaw);
    this.history.storeInput(line, source, sourceRaw);
    const e = this.engine;
    if (this.inList !== null) {
      const s = e.newStr(source);
      e.listAppend(this.inList, s);
      e.decref(s);
    }
    const [i00, i] = this.inputVars;
    this.inputVars = [sourceRaw, i00, i, this.inputVars[2]];
    const names = ["_i", "_ii", "_iii"];
    for (let k = 0; k < 3; k++) {
      const s = e.newStr(this.inputVars[k + 1]);
      this.pushHidden(names[k], s);
      e.decref(s);
    }
    const s = e.newStr(sourceRaw);
    this.pushHidden(`_i${line}`, s);
    e.decref(s);
  }

  /** The current session's inputs, for history requests: entry 0 is IPython's blank. */
  inputHistory(raw: boolean): readonly string[] {
    return raw ? this.inputRaw : this.inputParsed;
  }

  // ---- running cells ----

  /** Runs a cell as ipykernel's execute_request does. */
  execute(code: string, options: ExecuteOptions = {}): ExecuteOutcome {
    const silent = options.silent ?? false;
    const storeHistory = (options.storeHistory ?? !silent) && !silent;
    if (!silent) {
      this.emit({ type: "execute_input", code, execution_count: this.executionCount });
    }
    this.allowStdin = options.allowStdin ?? false;
    this.silent = silent;
    this.payloads = [];
    let error: { exception: FormattedException } | null;
    const recorder = this.glass.begin(this.clock.wall(), this.glass.statsOn);
    let stats: CellStats;
    try {
      error = this.flavour === "python"
        ? this.runInteractive(code)
        : this.runCell(code, storeHistory, silent);
    } finally {
      stats = this.glass.end(recorder, this.clock.wall());
      this.glass.lastStats = stats;
      this.allowStdin = false;
      this.silent = false;
      // an interrupt meant for this cell that it did not see must not stop the next one
      Atomics.store(this.interrupt, 0, 0);
    }
    if (stats.execution !== undefined && this.glass.statsOn && !silent) {
      this.displayData({ data: statsBundle(stats), metadata: {} });
    }
    const outcome: ExecuteOutcome = {
      status: error === null ? "ok" : "error",
      executionCount: this.executionCount - 1,
      userExpressions: {},
      payload: this.payloads,
      stats,
    };
    if (error !== null) outcome.error = error.exception;
    else if (options.userExpressions) {
      outcome.userExpressions = this.userExpressions(options.userExpressions);
    }
    this.payloads = [];
    return outcome;
  }

  /** InteractiveShell.run_cell: returns the error, or null when the cell succeeded. */
  private runCell(
    raw: string,
    storeHistory: boolean,
    silent: boolean,
  ): { exception: FormattedException } | null {
    if (raw.trim() === "") return null;
    const cell = this.autocall(transformCell(raw));
    if (storeHistory) this.storeInputs(this.executionCount, cell, raw);
    const filename = this.cellFilename(storeHistory);
    this.engine.registerSource(filename, cell);
    this.cellSources.set(filename, cell);
    this.currentCell = cell;
    let failure: { exception: FormattedException } | null = null;
    let compiled: Code[] = [];

    try {
      let statements: Code[];
      try {
        statements = this.engine.compileCell(cell, filename, !silent);
      } catch (e) {
        if (!(e instanceof PythonException)) throw e;
        failure = { exception: this.showTraceback(e, true) };
        statements = [];
      }
      compiled = statements;
      for (const code of statements) {
        this.astLists(code.mode === "single" ? 1 : 2);
        try {
          this.engine.exec(code);
        } catch (e) {
          if (e instanceof UsageError) {
            failure = { exception: this.showUsageError(e.message) };
          } else if (e instanceof PythonException) {
            failure = { exception: this.showRunError(e) };
          } else throw e;
          break;
        }
      }
    } catch (e) {
      failure = { exception: this.internalError(e) };
    } finally {
      this.currentCell = "";
      this.astLists(0);
      this.engine.release(compiled);
    }
    // IPython's last_execution_result now holds this cell's result and error; the last
    // cell's go (unless %reset dropped them already)
    if (this.lastResult !== null) this.engine.decref(this.lastResult);
    this.lastResult = this.cellResult;
    this.cellResult = null;
    if (this.lastError !== null) this.engine.decref(this.lastError);
    this.lastError = this.cellError;
    this.cellError = null;
    if (storeHistory) {
      const out = this.outputReprs.get(this.executionCount);
      if (out !== undefined) this.history.storeOutput(this.executionCount, out);
      this.executionCount++;
    }
    return failure;
  }

  /**
   * The lists IPython's run_ast_nodes allocates around each statement: `Module([node], [])`
   * (or `Interactive([node])`) holds one or two new lists while the statement runs, and the
   * previous statement's are freed just before (body, then type_ignores). Allocating and
   * freeing the same here keeps the VM's list free list as in an ipykernel notebook, where
   * `a = []; del a` then `b = []` in the next statement does not get `a`'s object back.
   */
  private astLists(count: number): void {
    const e = this.engine;
    const fresh: PyObject[] = [];
    if (this.flavour === "ipython") { for (let i = 0; i < count; i++) fresh.push(e.newList()); }
    for (const l of this.heldAstLists) e.decref(l);
    this.heldAstLists = fresh;
  }

  /**
   * CPython's REPL: the input compiled in 'single' mode and run; the display hook prints.
   * A magic (`%name`, `obj?`) is transformed first, as in a cell. SystemExit is not shown:
   * the REPL exits with it.
   */
  private runInteractive(source: string): { exception: FormattedException } | null {
    if (source.trim() === "") return null;
    if (/^\s*[%!?]/.test(source) || /\?\s*$/.test(source)) source = transformCell(source);
    let code: Code | null = null;
    try {
      code = this.engine.compile(source, "<stdin>", "single");
      this.engine.exec(code);
      return null;
    } catch (e) {
      if (e instanceof UsageError) return { exception: this.showUsageError(e.message) };
      if (e instanceof PythonException) {
        if (e.typeName === "SystemExit") {
          const formatted = this.engine.formatException(e);
          this.engine.decref(e.exception);
          return { exception: formatted };
        }
        return { exception: this.showTraceback(e) };
      }
      return { exception: this.internalError(e) };
    } finally {
      if (code !== null) this.engine.release([code]);
    }
  }

  /** The file name a cell's code objects carry, shown in tracebacks. */
  private cellFilename(stored: boolean): string {
    return stored ? `<cell In[${this.executionCount}]>` : "<cell>";
  }

  /**
   * Shows an exception as CPython prints it, on the error channel; returns it formatted.
   * The exception is released, unless `keep` (the cell's own error, which IPython's
   * ExecutionResult holds until the next cell ends).
   */
  showTraceback(e: PythonException, keep = false): FormattedException {
    try {
      return this.showException(e);
    } finally {
      if (keep) this.keepError(e.exception);
      else this.engine.decref(e.exception);
    }
  }

  /**
   * A statement's error, as IPython's run_code shows it: caught in run_code's frame and
   * kept on the cell's ExecutionResult (see run_code.ts), which the shell holds until the
   * next cell ends (IPython's last_execution_result); then the traceback display.
   */
  private showRunError(e: PythonException): FormattedException {
    const result = this.flavour === "ipython"
      ? this.engine.passThroughRunCode?.(e.exception) ?? null
      : null;
    if (result === null) return this.showTraceback(e, true);
    this.keepError(result);
    try {
      return this.showException(e);
    } finally {
      this.engine.decref(e.exception);
      // IPython's traceback formatter (ultratb, stack_data, pygments) allocates enough to
      // run the young collections many times while the error is on show: what survives
      // them, the error's cycle with it, is in the oldest generation when the cell ends
      // (in ipykernel, sys.last_traceback is in gc.get_objects(2) in the next cell).
      this.engine.collectYoung?.();
    }
  }

  /** The cell's error (or the ExecutionResult holding it), held until the next cell ends. */
  private keepError(error: PyObject): void {
    if (this.cellError !== null) this.engine.decref(this.cellError);
    this.cellError = error;
  }

  private showException(e: PythonException): FormattedException {
    if (e.typeName === "UsageError") {
      const f = this.engine.formatException(e);
      return this.showUsageError(f.evalue);
    }
    const formatted = this.engine.formatException(e);
    if (e.typeName === "SystemExit" && this.flavour === "ipython") {
      // IPython's run_code shows SystemExit without its traceback, then warns
      formatted.traceback = [
        "An exception has occurred, use %tb to see the full traceback.",
        "",
        formatted.evalue === "" ? "SystemExit" : `SystemExit: ${formatted.evalue}`,
      ];
      this.emit({ type: "error", ...formatted });
      this.write("stderr", "UserWarning: To exit: use 'exit', 'quit', or Ctrl-D.\n");
      return formatted;
    }
    if (this.xmode === "Minimal") {
      formatted.traceback = formatted.traceback.slice(-1);
    } else if (this.xmode === "Verbose" && this.flavour === "ipython") {
      formatted.traceback = this.verboseTraceback(e.exception) ?? formatted.traceback;
    }
    this.emit({ type: "error", ...formatted });
    return formatted;
  }

  /**
   * IPython's Verbose traceback of an exception (see verbosetb.ts), or null when it cannot
   * be made (CPython's text is shown then).
   */
  private verboseTraceback(exc: PyObject): string[] | null {
    const e = this.engine;
    let parts: PyObject | null = null;
    try {
      if (this.verboseFormat === null) {
        const module = e.runModule(VERBOSETB_MODULE, VERBOSETB_SOURCE, {
          source_of: (args) => {
            const text = this.cellSources.get(e.asString(args[0]) ?? "");
            return text === undefined ? e.none() : e.newStr(text);
          },
          cell_number: (args) => {
            const m = /^<cell In\[(\d+)\]>$/.exec(e.asString(args[0]) ?? "");
            return m === null ? e.none() : e.newStr(m[1]);
          },
        });
        this.verboseFormat = e.getAttr(module, "format");
        e.decref(module);
        if (this.verboseFormat === null) return null;
      }
      parts = e.call(this.verboseFormat, [exc]);
      const out = e.asJson(parts);
      return Array.isArray(out) && out.every((p) => typeof p === "string") ? out : null;
    } catch (err) {
      if (!(err instanceof PythonException)) throw err;
      e.decref(err.exception);
      return null;
    } finally {
      if (parts !== null) e.decref(parts);
    }
  }

  /** IPython shows a UsageError as one line on stderr, with no traceback. */
  showUsageError(message: string): FormattedException {
    this.write("stderr", `UsageError: ${message}\n`);
    return { ename: "UsageError", evalue: message, traceback: [] };
  }

  /** A JavaScript error inside glasspy: reported as an internal error; the session lives on. */
  internalError(e: unknown): FormattedException {
    const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    const formatted: FormattedException = {
      ename: "GlasspyInternalError",
      evalue: detail,
      traceback: [
        "glasspy hit an internal error (a bug in glasspy, not in your code):",
        detail,
        "The session is still usable. Please report this with the cell that caused it.",
      ],
    };
    this.emit({ type: "error", ...formatted });
    return formatted;
  }

  /** Evaluates user_expressions after a successful cell, as IPython's user_expressions. */
  private userExpressions(expressions: { [name: string]: string }): { [name: string]: unknown } {
    const out: { [name: string]: unknown } = {};
    for (const [key, source] of Object.entries(expressions)) {
      let code: Code | null = null;
      try {
        code = this.engine.compile(source, "<string>", "eval");
        const value = this.engine.evaluate(code);
        try {
          const bundle = this.format(value);
          out[key] = { status: "ok", data: bundle.data, metadata: bundle.metadata };
        } finally {
          this.engine.decref(value);
        }
      } catch (e) {
        if (!(e instanceof PythonException)) throw e;
        const f = this.engine.formatException(e);
        this.engine.decref(e.exception);
        out[key] = { status: "error", ename: f.ename, evalue: f.evalue, traceback: f.traceback };
      } finally {
        if (code !== null) this.engine.release([code]);
      }
    }
    return out;
  }

  /** Whether the cell running now is silent (magics that display check it). */
  get isSilent(): boolean {
    return this.silent;
  }

  // ---- completion, inspection, is_complete, history ----

  complete(code: string, cursorPos: number): Completion {
    return complete(this, code, cursorPos);
  }

  inspect(code: string, cursorPos: number, detailLevel: number): Inspection {
    return inspectAt(this, code, cursorPos, detailLevel);
  }

  isComplete(code: string): IsComplete {
    return isComplete(this.engine, code);
  }

  historyTail(n: number, raw: boolean, output: boolean): HistoryEntry[] {
    return this.history.tail(n, { raw, output });
  }
}

const USAGE = `glasspy: a glass-box Python 3.11, in IPython's clothes.
  obj?      what an object is (type, signature, docstring, refcount, id, size)
  %lsmagic  the magics there are; %dis f shows bytecode, %time runs with a stopwatch
`;

function notAvailable(what: string): never {
  throw new UsageError(`${what} are not available in glasspy`);
}

let displayIds = 0;
function newDisplayId(): string {
  displayIds++;
  const random = Math.random().toString(16).slice(2, 10);
  return `${random}${displayIds.toString(16).padStart(8, "0")}`;
}
