// TEST DOUBLE. A toy stand-in for glasspy's VM, so that the shell and the kernel's protocol
// layer can be tested before the real interpreter exists. It understands a tiny, line-based
// subset of Python — literals, names, + - * / %, calls, attribute access, lists,
// `print`, `input`, `display`, `import`, `del`, `raise`, `while True: pass`,
// `time.sleep(s)` — well enough to drive every message of the protocol. It is not Python,
// it keeps no reference counts, and nothing outside tests/ may import it.

import type {
  Code,
  Engine,
  FormattedException,
  NativeFunction,
  ObjectInfo,
  PyObject,
} from "../../runtime/shell/engine.ts";
import { PythonException } from "../../runtime/shell/engine.ts";
import { HostRaise } from "../../runtime/vm/host.ts";
import { pyStrRepr } from "../../runtime/shell/magics.ts";
import { compileCommand } from "../../runtime/shell/codeop.ts";
import type { Host } from "../../runtime/vm/host.ts";

type Value =
  | { t: "none" }
  | { t: "bool"; v: boolean }
  | { t: "int"; v: number }
  | { t: "float"; v: number }
  | { t: "str"; v: string }
  | { t: "list"; v: Value[] }
  | { t: "dict"; v: Map<string, [Value, Value]> }
  | { t: "func"; name: string; fn: NativeFunction; doc?: string; sig?: string }
  | { t: "module"; name: string; attrs: Map<string, Value> }
  | { t: "object"; cls: string; attrs: Map<string, Value> }
  | { t: "exc"; cls: string; msg: string; lineno: number; filename: string };

const NONE: Value = { t: "none" };
const asPy = (v: Value) => v as unknown as PyObject;
const asV = (o: PyObject) => o as unknown as Value;

class Raise extends Error {
  constructor(readonly cls: string, readonly msg: string) {
    super(`${cls}: ${msg}`);
  }
}

interface Stmt {
  text: string;
  line: number;
  body?: Stmt[];
}

interface ToyCode extends Code {
  stmts: Stmt[];
  filename: string;
}

// ---- tokens and expressions ----

type Tok = { k: "num" | "str" | "name" | "op"; s: string };

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  const re =
    /\s*(?:(\d+\.\d*|\d+)|([rbf]?(?:'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"))|([A-Za-z_]\w*)|(\*\*|==|!=|<=|>=|[-+*/%()[\],.=<>:{}]))/y;
  let m: RegExpExecArray | null;
  let pos = 0;
  while (pos < src.length) {
    if (/^\s*$/.test(src.slice(pos))) break;
    re.lastIndex = pos;
    m = re.exec(src);
    if (!m) throw new Raise("SyntaxError", "invalid syntax");
    pos = re.lastIndex;
    if (m[1]) out.push({ k: "num", s: m[1] });
    else if (m[2]) out.push({ k: "str", s: m[2] });
    else if (m[3]) out.push({ k: "name", s: m[3] });
    else out.push({ k: "op", s: m[4] });
  }
  return out;
}

function unquote(s: string): string {
  const body = s.replace(/^[rbf]/, "").slice(1, -1);
  return body.replace(
    /\\(n|t|\\|'|")/g,
    (_, c) => ({ n: "\n", t: "\t" } as Record<string, string>)[c] ?? c,
  );
}

export class ToyEngine implements Engine {
  private readonly globals = new Map<string, Value>();
  private readonly builtins = new Map<string, Value>();
  private readonly sources = new Map<string, string[]>();
  private displayhook: ((v: PyObject) => void) | null = null;
  private currentLine = 0;
  private currentFile = "";

  constructor(private readonly host: Host) {
    this.globals.set("__name__", { t: "str", v: "__main__" });
    this.globals.set("__builtins__", { t: "module", name: "builtins", attrs: this.builtins });
    const fn = (name: string, f: NativeFunction, doc?: string, sig?: string) =>
      this.builtins.set(name, { t: "func", name, fn: f, doc, sig });
    fn(
      "print",
      (args, kw) => {
        const sep = kw.get("sep");
        const end = kw.get("end");
        const file = kw.get("file");
        const stream =
          file && asV(file).t === "module" && (asV(file) as { name: string }).name === "sys.stderr"
            ? "stderr"
            : "stdout";
        this.host.write(
          stream,
          args.map((a) => this.str(a)).join(sep ? this.str(sep) : " ") +
            (end ? this.str(end) : "\n"),
        );
        return null;
      },
      "Prints the values to a stream, or to sys.stdout by default.",
      "(*args, sep=' ', end='\\n', file=None, flush=False)",
    );
    fn(
      "input",
      (args) => this.readline(args, false),
      "Read a string from standard input.",
      "(prompt='', /)",
    );
    fn(
      "len",
      (args) => asPy({ t: "int", v: this.length(args[0]) }),
      "Return the number of items in a container.",
      "(obj, /)",
    );
    fn("str", (args) => asPy({ t: "str", v: this.str(args[0]) }));
    fn("repr", (args) => asPy({ t: "str", v: this.repr(args[0]) }));
    fn("Html", (args) => {
      const attrs = new Map<string, Value>();
      const html = asV(args[0]);
      attrs.set("_repr_html_", { t: "func", name: "_repr_html_", fn: () => asPy(html) });
      return asPy({ t: "object", cls: "Html", attrs });
    });
    // for the tests of glasspy's own failures: a JavaScript error inside the engine, and a
    // worker that dies after the cell
    fn("__js_error__", () => {
      throw new TypeError("a bug inside the engine");
    });
    fn("__crash_worker__", () => {
      setTimeout(() => {
        throw new Error("the worker dies");
      }, 50);
      return null;
    });
    const sys = new Map<string, Value>();
    sys.set("stdout", { t: "module", name: "sys.stdout", attrs: new Map() });
    sys.set("stderr", { t: "module", name: "sys.stderr", attrs: new Map() });
    const time = new Map<string, Value>();
    time.set("sleep", {
      t: "func",
      name: "sleep",
      fn: (args) => {
        const until = performance.now() + this.num(args[0]) * 1000;
        while (performance.now() < until) this.breaker();
        return null;
      },
    });
    const getpass = new Map<string, Value>();
    getpass.set("getpass", { t: "func", name: "getpass", fn: (args) => this.readline(args, true) });
    this.modules.set("sys", { t: "module", name: "sys", attrs: sys });
    this.modules.set("time", { t: "module", name: "time", attrs: time });
    this.modules.set("getpass", { t: "module", name: "getpass", attrs: getpass });
  }

  private readonly modules = new Map<string, Value>();

  /** The eval breaker: the interrupt flag, as the VM polls it. */
  private breaker(): void {
    if (Atomics.load(this.host.interrupt, 0) !== 0) {
      Atomics.store(this.host.interrupt, 0, 0);
      throw new Raise("KeyboardInterrupt", "");
    }
  }

  private readline(args: PyObject[], password: boolean): PyObject {
    const prompt = args.length ? this.str(args[0]) : "";
    let line: string | null;
    try {
      line = this.host.readline(prompt, password);
    } catch (e) {
      if (e instanceof HostRaise) throw new Raise(e.typeName, e.text);
      throw e;
    }
    if (line === null) throw new Raise("EOFError", "EOF when reading a line");
    return asPy({ t: "str", v: line });
  }

  // ---- compiling: statements are logical lines; `while ...:` takes its indented body ----

  private parseStmts(source: string, firstLine = 1): Stmt[] {
    const lines = source.split("\n");
    const stmts: Stmt[] = [];
    for (let i = 0; i < lines.length; i++) {
      const text = lines[i];
      if (text.trim() === "" || text.trim().startsWith("#")) continue;
      if (/^\s/.test(text)) throw new Raise("IndentationError", "unexpected indent");
      const stmt: Stmt = { text: text.trim(), line: firstLine + i };
      if (text.trimEnd().endsWith(":")) {
        const body: string[] = [];
        while (
          i + 1 < lines.length && (/^\s+\S/.test(lines[i + 1]) || lines[i + 1].trim() === "")
        ) {
          body.push(lines[++i].trim());
        }
        if (body.filter((b) => b).length === 0) {
          throw new Raise("SyntaxError", "incomplete input");
        }
        stmt.body = body.filter((b) => b).map((b) => ({ text: b, line: stmt.line + 1 }));
      }
      this.checkSyntax(stmt);
      stmts.push(stmt);
    }
    return stmts;
  }

  private checkSyntax(stmt: Stmt): void {
    const toks = tokenize(stmt.text.replace(/^(while|if)\b.*:$/, "pass"));
    let depth = 0;
    for (const t of toks) {
      if (t.k === "op" && "([{".includes(t.s)) depth++;
      if (t.k === "op" && ")]}".includes(t.s)) depth--;
      if (depth < 0) throw new Raise("SyntaxError", "unmatched ')'");
    }
    if (depth > 0) throw new Raise("SyntaxError", "incomplete input");
    const last = toks[toks.length - 1];
    if (last && last.k === "op" && "+-*/%=,.".includes(last.s)) {
      throw new Raise("SyntaxError", "invalid syntax");
    }
  }

  private syntaxError(e: unknown, filename: string): never {
    if (e instanceof Raise) {
      throw new PythonException(
        asPy({ t: "exc", cls: e.cls, msg: e.msg, lineno: 1, filename }),
        e.cls,
      );
    }
    throw e;
  }

  compileCell(source: string, filename: string, interactive: boolean): Code[] {
    let stmts: Stmt[];
    try {
      stmts = this.parseStmts(source);
    } catch (e) {
      this.syntaxError(e, filename);
    }
    return stmts.map((s, i) => {
      const single = interactive && i === stmts.length - 1 && !s.body && !this.isStatement(s.text);
      return { mode: single ? "single" : "exec", stmts: [s], filename } as ToyCode;
    });
  }

  compile(source: string, filename: string, mode: "exec" | "single" | "eval"): Code {
    try {
      const stmts = this.parseStmts(source);
      if (
        mode === "eval" && (stmts.length !== 1 || this.isStatement(stmts[0].text) || stmts[0].body)
      ) {
        throw new Raise("SyntaxError", "invalid syntax");
      }
      return { mode, stmts, filename } as ToyCode;
    } catch (e) {
      this.syntaxError(e, filename);
    }
  }

  /** The toy judges completeness with glasspy's real compiler (no VM needed for that). */
  compileCommand(source: string): "complete" | "incomplete" | "invalid" {
    return compileCommand(source);
  }

  private isStatement(text: string): boolean {
    return /^(import|from|del|raise|pass|while|if)\b/.test(text) ||
      /^[A-Za-z_][\w.]*\s*=[^=]/.test(text);
  }

  // ---- running ----

  private wrap<T>(filename: string, run: () => T): T {
    try {
      return run();
    } catch (e) {
      if (e instanceof Raise) {
        throw new PythonException(
          asPy({ t: "exc", cls: e.cls, msg: e.msg, lineno: this.currentLine, filename }),
          e.cls,
        );
      }
      if (e instanceof HostRaise) {
        throw new PythonException(
          asPy({ t: "exc", cls: e.typeName, msg: e.text, lineno: this.currentLine, filename }),
          e.typeName,
        );
      }
      throw e;
    }
  }

  exec(code: Code): void {
    const c = code as ToyCode;
    this.wrap(c.filename, () => {
      for (const s of c.stmts) this.run(s, c.mode === "single", c.filename);
    });
  }

  evaluate(code: Code): PyObject {
    const c = code as ToyCode;
    return this.wrap(c.filename, () => asPy(this.expr(c.stmts[0].text)));
  }

  private run(s: Stmt, single: boolean, filename: string): void {
    this.currentLine = s.line;
    this.currentFile = filename;
    const text = s.text;
    let m: RegExpExecArray | null;
    if (text === "pass") return;
    if ((m = /^while\s+(.*):$/.exec(text))) {
      while (this.truthy(this.expr(m[1]))) {
        this.breaker();
        for (const b of s.body!) this.run(b, false, filename);
      }
      return;
    }
    if ((m = /^from\s+([\w.]+)\s+import\s+([\w, ]+)$/.exec(text))) {
      const mod = this.modules.get(m[1]);
      if (!mod || mod.t !== "module") {
        throw new Raise("ModuleNotFoundError", `No module named '${m[1]}'`);
      }
      for (const name of m[2].split(",").map((n) => n.trim())) {
        const v = mod.attrs.get(name);
        if (v === undefined) {
          throw new Raise("ImportError", `cannot import name '${name}' from '${m[1]}'`);
        }
        this.globals.set(name, v);
      }
      return;
    }
    if ((m = /^import\s+([\w, ]+)$/.exec(text))) {
      for (const name of m[1].split(",").map((n) => n.trim())) {
        const mod = this.modules.get(name);
        if (!mod) throw new Raise("ModuleNotFoundError", `No module named '${name}'`);
        this.globals.set(name, mod);
      }
      return;
    }
    if ((m = /^del\s+(\w+)$/.exec(text))) {
      if (!this.globals.delete(m[1])) throw new Raise("NameError", `name '${m[1]}' is not defined`);
      return;
    }
    if ((m = /^raise\s+(\w+)\((.*)\)$/.exec(text))) {
      throw new Raise(m[1], m[2] ? this.str(asPy(this.expr(m[2]))) : "");
    }
    if ((m = /^([A-Za-z_]\w*)\s*=(?!=)\s*(.*)$/.exec(text))) {
      this.globals.set(m[1], this.expr(m[2]));
      return;
    }
    if (text.includes(";")) {
      for (const part of text.split(";").map((p) => p.trim()).filter((p) => p)) {
        this.run(
          { text: part, line: s.line },
          single && part === text.split(";").pop()!.trim(),
          filename,
        );
      }
      return;
    }
    const value = this.expr(text);
    if (single) {
      if (this.displayhook) this.displayhook(asPy(value));
      else if (value.t !== "none") this.host.write("stdout", this.repr(asPy(value)) + "\n");
    }
  }

  private expr(src: string): Value {
    const toks = tokenize(src);
    let i = 0;
    const peek = () => toks[i];
    const eat = (s?: string) => {
      const t = toks[i++];
      if (!t || (s !== undefined && t.s !== s)) throw new Raise("SyntaxError", "invalid syntax");
      return t;
    };
    const binary = (level: number): Value => {
      const ops = [["==", "!=", "<", ">", "<=", ">="], ["+", "-"], ["*", "/", "%"]];
      if (level === ops.length) return unary();
      let left = binary(level + 1);
      while (peek() && peek().k === "op" && ops[level].includes(peek().s)) {
        const op = eat().s;
        left = this.binop(op, left, binary(level + 1));
      }
      return left;
    };
    const unary = (): Value => {
      if (peek()?.s === "-") {
        eat();
        const v = unary();
        return { t: v.t === "float" ? "float" : "int", v: -this.num(asPy(v)) } as Value;
      }
      return postfix(atom());
    };
    const args = (): [PyObject[], Map<string, PyObject>] => {
      const pos: PyObject[] = [];
      const kw = new Map<string, PyObject>();
      while (peek() && peek().s !== ")") {
        if (peek().k === "name" && toks[i + 1]?.s === "=") {
          const name = eat().s;
          eat("=");
          kw.set(name, asPy(binary(0)));
        } else pos.push(asPy(binary(0)));
        if (peek()?.s === ",") eat(",");
      }
      eat(")");
      return [pos, kw];
    };
    const postfix = (v: Value): Value => {
      for (;;) {
        const t = peek();
        if (t?.s === "(") {
          eat("(");
          const [pos, kw] = args();
          v = this.callValue(v, pos, kw);
        } else if (t?.s === ".") {
          eat(".");
          const name = eat().s;
          const attr = this.getAttr(asPy(v), name);
          if (attr === null) {
            throw new Raise(
              "AttributeError",
              `'${this.typeName(asPy(v))}' object has no attribute '${name}'`,
            );
          }
          v = asV(attr);
        } else if (t?.s === "[") {
          eat("[");
          const index = binary(0);
          eat("]");
          if (v.t !== "list") throw new Raise("TypeError", `'${v.t}' object is not subscriptable`);
          const k = this.num(asPy(index));
          if (k >= v.v.length) throw new Raise("IndexError", "list index out of range");
          v = v.v[k];
        } else return v;
      }
    };
    const atom = (): Value => {
      const t = eat();
      if (t.k === "num") {
        return t.s.includes(".") ? { t: "float", v: Number(t.s) } : { t: "int", v: Number(t.s) };
      }
      if (t.k === "str") return { t: "str", v: unquote(t.s) };
      if (t.s === "(") {
        const v = binary(0);
        eat(")");
        return v;
      }
      if (t.s === "[") {
        const items: Value[] = [];
        while (peek() && peek().s !== "]") {
          items.push(binary(0));
          if (peek()?.s === ",") eat(",");
        }
        eat("]");
        return { t: "list", v: items };
      }
      if (t.k === "name") {
        if (t.s === "None") return NONE;
        if (t.s === "True" || t.s === "False") return { t: "bool", v: t.s === "True" };
        const v = this.globals.get(t.s) ?? this.builtins.get(t.s);
        if (v === undefined) throw new Raise("NameError", `name '${t.s}' is not defined`);
        return v;
      }
      throw new Raise("SyntaxError", "invalid syntax");
    };
    const v = binary(0);
    if (i < toks.length) throw new Raise("SyntaxError", "invalid syntax");
    return v;
  }

  private binop(op: string, a: Value, b: Value): Value {
    if (op === "==" || op === "!=") {
      const eq = this.repr(asPy(a)) === this.repr(asPy(b));
      return { t: "bool", v: op === "==" ? eq : !eq };
    }
    if (a.t === "str" && b.t === "str" && op === "+") return { t: "str", v: a.v + b.v };
    if (a.t === "str" && b.t === "int" && op === "*") return { t: "str", v: a.v.repeat(b.v) };
    const x = this.num(asPy(a));
    const y = this.num(asPy(b));
    const float = a.t === "float" || b.t === "float";
    switch (op) {
      case "+":
        return { t: float ? "float" : "int", v: x + y } as Value;
      case "-":
        return { t: float ? "float" : "int", v: x - y } as Value;
      case "*":
        return { t: float ? "float" : "int", v: x * y } as Value;
      case "/":
        if (y === 0) throw new Raise("ZeroDivisionError", "division by zero");
        return { t: "float", v: x / y };
      case "%":
        if (y === 0) throw new Raise("ZeroDivisionError", "integer modulo by zero");
        return { t: "int", v: ((x % y) + y) % y };
      case "<":
        return { t: "bool", v: x < y };
      case ">":
        return { t: "bool", v: x > y };
      case "<=":
        return { t: "bool", v: x <= y };
      default:
        return { t: "bool", v: x >= y };
    }
  }

  private callValue(f: Value, args: PyObject[], kw: Map<string, PyObject>): Value {
    if (f.t !== "func") throw new Raise("TypeError", `'${f.t}' object is not callable`);
    this.breaker();
    let result: PyObject | null;
    try {
      result = f.fn(args, kw);
    } catch (e) {
      if (e instanceof HostRaise) throw new Raise(e.typeName, e.text);
      if (e instanceof PythonException) {
        const x = asV(e.exception) as { cls: string; msg: string };
        throw new Raise(x.cls, x.msg);
      }
      throw e;
    }
    return result === null ? NONE : asV(result);
  }

  private truthy(v: Value): boolean {
    switch (v.t) {
      case "none":
        return false;
      case "bool":
      case "int":
      case "float":
        return Boolean(v.v);
      case "str":
      case "list":
        return v.v.length > 0;
      default:
        return true;
    }
  }

  private num(o: PyObject): number {
    const v = asV(o);
    if (v.t === "int" || v.t === "float") return v.v;
    if (v.t === "bool") return v.v ? 1 : 0;
    throw new Raise("TypeError", `unsupported operand type(s): '${v.t}'`);
  }

  // ---- the Engine interface ----

  release(_codes: Code[]): void {}

  /** The toy runs no real Python: the module is empty (the shell then uses its natives). */
  runModule(name: string, _source: string): PyObject {
    return asPy({ t: "module", name, attrs: new Map() });
  }

  registerSource(filename: string, source: string): void {
    this.sources.set(filename, source.split("\n"));
  }

  setDisplayhook(hook: (value: PyObject) => void): void {
    this.displayhook = hook;
  }

  defineBuiltin(name: string, fn: NativeFunction): void {
    this.builtins.set(name, { t: "func", name, fn });
  }

  newFunction(name: string, fn: NativeFunction): PyObject {
    return asPy({ t: "func", name, fn });
  }

  newModule(
    name: string,
    members: { [name: string]: NativeFunction },
    importable: boolean,
  ): PyObject {
    const attrs = new Map<string, Value>();
    for (const [k, fn] of Object.entries(members)) attrs.set(k, { t: "func", name: k, fn });
    const mod: Value = { t: "module", name, attrs };
    if (importable) this.modules.set(name, mod);
    return asPy(mod);
  }

  getGlobal(name: string): PyObject | null {
    const v = this.globals.get(name);
    return v === undefined ? null : asPy(v);
  }

  setGlobal(name: string, value: PyObject): void {
    this.globals.set(name, asV(value));
  }

  deleteGlobal(name: string): boolean {
    return this.globals.delete(name);
  }

  globalNames(): string[] {
    return [...this.globals.keys()];
  }

  loadedModule(name: string): PyObject | null {
    const m = this.modules.get(name);
    return m === undefined ? null : asPy(m);
  }

  builtinNames(): string[] {
    return [...this.builtins.keys()];
  }

  incref(_o: PyObject): void {}
  decref(_o: PyObject): void {}

  none(): PyObject {
    return asPy(NONE);
  }

  isNone(o: PyObject): boolean {
    return asV(o).t === "none";
  }

  is(a: PyObject, b: PyObject): boolean {
    const x = asV(a);
    const y = asV(b);
    return x === y || (x.t === "none" && y.t === "none");
  }

  isTrue(o: PyObject): boolean {
    return this.truthy(asV(o));
  }

  newStr(s: string): PyObject {
    return asPy({ t: "str", v: s });
  }

  newInt(n: number): PyObject {
    return asPy({ t: "int", v: n });
  }

  newList(): PyObject {
    return asPy({ t: "list", v: [] });
  }

  newDict(): PyObject {
    return asPy({ t: "dict", v: new Map() });
  }

  listAppend(list: PyObject, item: PyObject): void {
    (asV(list) as { v: Value[] }).v.push(asV(item));
  }

  dictSetItem(dict: PyObject, key: PyObject, value: PyObject): void {
    (asV(dict) as { v: Map<string, [Value, Value]> }).v.set(this.repr(key), [asV(key), asV(value)]);
  }

  dictDelItem(dict: PyObject, key: PyObject): boolean {
    return (asV(dict) as { v: Map<string, unknown> }).v.delete(this.repr(key));
  }

  dictClear(dict: PyObject): void {
    (asV(dict) as { v: Map<string, unknown> }).v.clear();
  }

  length(o: PyObject): number {
    const v = asV(o);
    if (v.t === "str" || v.t === "list") return v.v.length;
    if (v.t === "dict") return v.v.size;
    throw new PythonException(
      asPy({
        t: "exc",
        cls: "TypeError",
        msg: `object of type '${v.t}' has no len()`,
        lineno: 0,
        filename: "",
      }),
      "TypeError",
    );
  }

  typeName(o: PyObject): string {
    const v = asV(o);
    switch (v.t) {
      case "none":
        return "NoneType";
      case "func":
        return "builtin_function_or_method";
      case "object":
        return v.cls;
      case "exc":
        return v.cls;
      default:
        return v.t;
    }
  }

  repr(o: PyObject): string {
    const v = asV(o);
    switch (v.t) {
      case "none":
        return "None";
      case "bool":
        return v.v ? "True" : "False";
      case "int":
        return String(v.v);
      case "float":
        return Number.isInteger(v.v) ? v.v.toFixed(1) : String(v.v);
      case "str":
        return pyStrRepr(v.v);
      case "list":
        return "[" + v.v.map((x) => this.repr(asPy(x))).join(", ") + "]";
      case "dict":
        return "{" +
          [...v.v.values()].map(([k, x]) => `${this.repr(asPy(k))}: ${this.repr(asPy(x))}`).join(
            ", ",
          ) + "}";
      case "func":
        return `<built-in function ${v.name}>`;
      case "module":
        return `<module '${v.name}'>`;
      case "object":
        return `<${v.cls} object>`;
      case "exc":
        return `${v.cls}(${JSON.stringify(v.msg)})`;
    }
  }

  str(o: PyObject): string {
    const v = asV(o);
    if (v.t === "str") return v.v;
    if (v.t === "exc") return v.msg;
    return this.repr(o);
  }

  getAttr(o: PyObject, name: string): PyObject | null {
    const v = asV(o);
    if (v.t === "module" || v.t === "object") {
      const a = v.attrs.get(name);
      return a === undefined ? null : asPy(a);
    }
    if (v.t === "list" && name === "append") {
      return asPy({
        t: "func",
        name: "append",
        fn: (args) => {
          v.v.push(asV(args[0]));
          return null;
        },
      });
    }
    return null;
  }

  call(fn: PyObject, args: PyObject[]): PyObject {
    try {
      return asPy(this.callValue(asV(fn), args, new Map()));
    } catch (e) {
      if (e instanceof Raise) {
        throw new PythonException(
          asPy({ t: "exc", cls: e.cls, msg: e.msg, lineno: 0, filename: "" }),
          e.cls,
        );
      }
      throw e;
    }
  }

  asString(o: PyObject): string | null {
    const v = asV(o);
    return v.t === "str" ? v.v : null;
  }

  asJson(o: PyObject): unknown {
    const v = asV(o);
    switch (v.t) {
      case "none":
        return null;
      case "bool":
      case "int":
      case "float":
      case "str":
        return v.v;
      case "list":
        return v.v.map((x) => this.asJson(asPy(x)));
      case "dict":
        return Object.fromEntries(
          [...v.v.values()].map(([k, x]) => [this.str(asPy(k)), this.asJson(asPy(x))]),
        );
      default:
        return this.repr(o);
    }
  }

  dir(o: PyObject): string[] {
    const v = asV(o);
    if (v.t === "module" || v.t === "object") return [...v.attrs.keys()].sort();
    if (v.t === "list") return ["append"];
    if (v.t === "str") return ["upper", "lower", "split"];
    return [];
  }

  info(o: PyObject): ObjectInfo {
    const v = asV(o);
    return {
      typeName: this.typeName(o),
      repr: this.repr(o),
      signature: v.t === "func" ? v.sig ?? "(*args, **kwargs)" : null,
      docstring: v.t === "func" ? v.doc ?? null : null,
      refcount: 1,
      id: 0x7f0000001000n,
      size: 48,
    };
  }

  formatException(e: PythonException): FormattedException {
    const x = asV(e.exception) as { cls: string; msg: string; lineno: number; filename: string };
    if (["SyntaxError", "IndentationError"].includes(x.cls)) {
      const line = this.sources.get(x.filename)?.[x.lineno - 1] ?? "";
      return {
        ename: x.cls,
        evalue: `${x.msg} (${x.filename}, line ${x.lineno})`,
        traceback: [
          `  File "${x.filename}", line ${x.lineno}`,
          `    ${line.trim()}`,
          `    ^`,
          `${x.cls}: ${x.msg}`,
        ],
      };
    }
    const tb = [
      "Traceback (most recent call last):",
      `  File "${x.filename}", line ${x.lineno}, in <module>`,
    ];
    const line = this.sources.get(x.filename)?.[x.lineno - 1];
    if (line !== undefined) tb.push(`    ${line.trim()}`);
    tb.push(x.msg === "" ? x.cls : `${x.cls}: ${x.msg}`);
    return { ename: x.cls, evalue: x.msg, traceback: tb };
  }

  disassembleCode(code: Code): string {
    const c = code as ToyCode;
    return c.stmts.map((s) => `  ${s.line}           0 TOY_STATEMENT   (${s.text})\n`).join("");
  }

  disassemble(o: PyObject): string {
    return `Disassembly of ${this.repr(o)}:\n  1           0 TOY_OBJECT\n`;
  }

  collectGarbage(): number {
    return 0;
  }
}

/** The EngineFactory the kernel loads with `--engine`. */
export function createEngine(host: Host): Engine {
  return new ToyEngine(host);
}
