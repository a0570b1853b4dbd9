// Completion, for complete_request and the REPL: names in `__main__`, builtins and
// keywords; attributes after a dot (the object found by following names, never by running
// code); magic names after `%`. Cursor positions count Unicode code points, as Jupyter does.

import type { Engine, PyObject } from "./engine.ts";
import { PythonException } from "./engine.ts";
import { codePointToIndex, dottedNameBefore, indexToCodePoint } from "./scan.ts";
import type { Session } from "./session.ts";

/** Python 3.11's keywords (keyword.kwlist). */
export const KEYWORDS = [
  "False",
  "None",
  "True",
  "and",
  "as",
  "assert",
  "async",
  "await",
  "break",
  "class",
  "continue",
  "def",
  "del",
  "elif",
  "else",
  "except",
  "finally",
  "for",
  "from",
  "global",
  "if",
  "import",
  "in",
  "is",
  "lambda",
  "nonlocal",
  "not",
  "or",
  "pass",
  "raise",
  "return",
  "try",
  "while",
  "with",
  "yield",
]; // deno-fmt-ignore

export interface Completion {
  matches: string[];
  /** In code points */
  cursorStart: number;
  cursorEnd: number;
}

/**
 * Follows a dotted name through `__main__` (then builtins, then the modules already
 * loaded, so that `sys.ver` completes in the cell that imports sys) and attributes; a new
 * reference.
 */
export function resolveDotted(engine: Engine, dotted: string): PyObject | null {
  const parts = dotted.split(".");
  if (parts.some((p) => p === "")) return null;
  let obj = engine.getGlobal(parts[0]) ?? builtin(engine, parts[0]) ??
    engine.loadedModule(parts[0]);
  for (let i = 1; obj !== null && i < parts.length; i++) {
    let next: PyObject | null = null;
    try {
      next = engine.getAttr(obj, parts[i]);
    } catch (e) {
      if (!(e instanceof PythonException)) throw e;
      engine.decref(e.exception);
    }
    engine.decref(obj);
    obj = next;
  }
  return obj;
}

function builtin(engine: Engine, name: string): PyObject | null {
  const builtins = engine.getGlobal("__builtins__");
  if (builtins === null) return null;
  try {
    return engine.getAttr(builtins, name);
  } catch (e) {
    if (!(e instanceof PythonException)) throw e;
    engine.decref(e.exception);
    return null;
  } finally {
    engine.decref(builtins);
  }
}

/** Names first, then `_`-names, then dunders; each group sorted; no duplicates. */
function order(names: Iterable<string>): string[] {
  const rank = (n: string) => (n.startsWith("__") ? 2 : n.startsWith("_") ? 1 : 0);
  return [...new Set(names)].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

export function complete(session: Session, code: string, cursorPos: number | null): Completion {
  const found = completeAt(session, code, cursorPos);
  // nothing found: an empty span at the cursor, as ipykernel answers
  return found.matches.length === 0 ? { ...found, cursorStart: found.cursorEnd } : found;
}

function completeAt(session: Session, code: string, cursorPos: number | null): Completion {
  const engine = session.engine;
  const end = cursorPos === null ? code.length : codePointToIndex(code, cursorPos);
  const lineStart = code.lastIndexOf("\n", end - 1) + 1;
  const line = code.slice(lineStart, end);
  const cursorEnd = indexToCodePoint(code, end);

  const { name } = dottedNameBefore(code, end);
  const dot = name.lastIndexOf(".");
  const prefix = dot < 0 ? name : name.slice(dot + 1);
  let cursorStart = indexToCodePoint(code, end - prefix.length);
  // `%name` and `%%name`: magics only (a `%%` asks for cell magics alone)
  const escapes = dot < 0 ? /%{0,2}$/.exec(code.slice(0, end - prefix.length))![0] : "";
  if (escapes !== "") {
    cursorStart = indexToCodePoint(code, end - prefix.length - escapes.length);
    return { matches: magicMatches(session, escapes, prefix, []), cursorStart, cursorEnd };
  }
  let candidates: string[];
  if (dot >= 0) {
    const obj = resolveDotted(engine, name.slice(0, dot));
    if (obj === null) return { matches: [], cursorStart, cursorEnd };
    try {
      candidates = engine.dir(obj);
    } catch (e) {
      if (!(e instanceof PythonException)) throw e;
      engine.decref(e.exception);
      candidates = [];
    } finally {
      engine.decref(obj);
    }
    // attributes starting with _ only when asked for
    if (!prefix.startsWith("_")) candidates = candidates.filter((n) => !n.startsWith("_"));
    return {
      matches: order(candidates.filter((n) => n.startsWith(prefix))),
      cursorStart,
      cursorEnd,
    };
  }
  if (prefix === "" && line.trim() !== "") return { matches: [], cursorStart, cursorEnd };
  candidates = [...engine.globalNames(), ...engine.builtinNames(), ...KEYWORDS];
  if (!prefix.startsWith("_")) candidates = candidates.filter((n) => !n.startsWith("_"));
  const names = order(candidates.filter((n) => n.startsWith(prefix)));
  // a bare name also completes to the magics it begins, after the names in scope, unless
  // a name in scope is spelled as the magic (IPython's magic_matches)
  return {
    matches: [...names, ...magicMatches(session, "", prefix, names)],
    cursorStart,
    cursorEnd,
  };
}

/**
 * Magic names beginning with `prefix`, written with their escapes: cell magics only after
 * `%%`, else cell and line magics; sorted as IPython sorts completions (by the bare name,
 * a line magic before the cell magic of the same name).
 */
function magicMatches(
  session: Session,
  escapes: string,
  prefix: string,
  shadowing: string[],
): string[] {
  const hidden = new Set(escapes === "" ? shadowing : []);
  const fits = (n: string) => n.startsWith(prefix) && !hidden.has(n);
  const found = [...session.magics.cell.keys()].filter(fits).map((n) => "%%" + n);
  if (escapes !== "%%") {
    found.push(...[...session.magics.line.keys()].filter(fits).map((n) => "%" + n));
  }
  const key = (m: string): [string, number] =>
    m.startsWith("%%") ? [m.slice(2), 2] : [m.slice(1), 1];
  return found.sort((a, b) => {
    const [x, i] = key(a);
    const [y, j] = key(b);
    return x < y ? -1 : x > y ? 1 : i - j;
  });
}
