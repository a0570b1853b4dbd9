// Inspection, for inspect_request and `obj?`: what IPython's object inspector shows
// (signature, docstring, type, string form, length), laid out as its plain-text pinfo, and
// what glasspy adds: the object's reference count, id and size.

import type { ObjectInfo, PyObject } from "./engine.ts";
import { PythonException } from "./engine.ts";
import { resolveDotted } from "./complete.ts";
import type { MimeBundle } from "./events.ts";
import { codePointToIndex, logicalLines, tokenAtCursor } from "./scan.ts";
import type { Session } from "./session.ts";

export interface Inspection {
  found: boolean;
  data: MimeBundle;
}

const CALLABLE_TYPES = new Set([
  "function",
  "builtin_function_or_method",
  "method",
  "type",
  "method_descriptor",
  "wrapper_descriptor",
  "classmethod",
  "staticmethod",
]);

/** IPython's _format_fields_str without colours: titles padded to a common width. */
function formatFields(fields: [string, string][]): string {
  const width = Math.max(...fields.map(([t]) => t.length + 2));
  return fields.map(([title, content]) =>
    content.split("\n").length > 1
      ? `${title}:\n${content}`
      : `${(title + ":").padEnd(width)}${content}`
  ).join("\n") + "\n";
}

/**
 * The signature as IPython's pinfo shows it: `name(a, b=1)`, or, when the name and its
 * parameters (each counted with two characters for its separator) pass 75 characters, one
 * parameter a line, each followed by a comma. `signature` is inspect's text, "(...)"
 * perhaps followed by " -> annotation".
 */
export function renderSignature(name: string, signature: string): string {
  const close = closingParenthesis(signature);
  if (!signature.startsWith("(") || close < 0) return name + signature;
  const params = topLevelParts(signature.slice(1, close));
  const width = name.length + params.reduce((n, p) => n + p.length + 2, 0);
  const rendered = width > 75
    ? `${name}(\n${params.map((p) => `    ${p},\n`).join("")})`
    : `${name}(${params.join(", ")})`;
  return rendered + signature.slice(close + 1);
}

/** Where the "(" that opens `text` is closed, or -1; brackets and quotes in between skipped. */
function closingParenthesis(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'" || c === '"') i = endOfQuote(text, i);
    else if ("([{".includes(c)) depth++;
    else if (")]}".includes(c) && --depth === 0) return i;
  }
  return -1;
}

/** The index of the quote that closes the one at `start` (backslashes escape). */
function endOfQuote(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === text[start]) return i;
  }
  return text.length;
}

/** The parameters of a parameter list: split at the commas outside brackets and quotes. */
function topLevelParts(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (c === "'" || c === '"') i = endOfQuote(list, i);
    else if ("([{".includes(c)) depth++;
    else if (")]}".includes(c)) depth--;
    else if (c === "," && depth === 0) {
      parts.push(list.slice(from, i).trim());
      from = i + 1;
    }
  }
  const last = list.slice(from).trim();
  if (last !== "") parts.push(last);
  return parts;
}

/** The pinfo text of an object found under `name`. */
export function describe(session: Session, obj: PyObject, name: string, detail: number): string {
  const engine = session.engine;
  const info: ObjectInfo = engine.info(obj);
  if (info.signature === null) info.signature = session.signatureOf(obj);
  const fields: [string, string][] = [];
  const glass: [string, string][] = [
    ["Refcount", String(info.refcount)],
    ["Id", `0x${info.id.toString(16)}`],
    ["Size", `${info.size} bytes`],
  ];
  const doc = info.docstring === null ? "<no docstring>" : dedentDoc(info.docstring);
  if (CALLABLE_TYPES.has(info.typeName) || info.typeName.endsWith("type")) {
    if (info.signature !== null) {
      fields.push([
        info.typeName === "type" ? "Init signature" : "Signature",
        renderSignature(name, info.signature),
      ]);
    }
    const where = codeOf(session, obj);
    const source = detail > 0 && where !== null ? functionSource(session, where) : null;
    // obj?? shows the source in the docstring's place, as IPython's pinfo does
    if (source !== null) fields.push(["Source", source]);
    else fields.push(["Docstring", doc]);
    if (where !== null) fields.push(["File", where.filename]);
    fields.push(["Type", info.typeName], ...glass);
    if (detail > 0 && where !== null) {
      try {
        fields.push(["Bytecode", engine.disassemble(obj).replace(/\n+$/, "")]);
      } catch (e) {
        if (!(e instanceof PythonException)) throw e;
        engine.decref(e.exception);
      }
    }
  } else {
    fields.push(["Type", info.typeName], ...glass);
    let form = info.repr;
    try {
      form = engine.str(obj);
    } catch (e) {
      if (!(e instanceof PythonException)) throw e;
      engine.decref(e.exception);
    }
    if (form.length > 200 && detail === 0) form = form.slice(0, 100) + "<...>" + form.slice(-100);
    fields.push(["String form", form]);
    try {
      fields.push(["Length", String(engine.length(obj))]);
    } catch (e) {
      if (!(e instanceof PythonException)) throw e;
      engine.decref(e.exception);
    }
    fields.push(["Docstring", doc]);
  }
  return formatFields(fields);
}

/** Where a Python function's (or method's) code was written: file and first line. */
function codeOf(session: Session, obj: PyObject): { filename: string; line: number } | null {
  const e = session.engine;
  const attr = (o: PyObject, name: string): PyObject | null => {
    try {
      return e.getAttr(o, name);
    } catch (err) {
      if (!(err instanceof PythonException)) throw err;
      e.decref(err.exception);
      return null;
    }
  };
  const func = attr(obj, "__func__") ?? (e.incref(obj), obj);
  const code = attr(func, "__code__");
  e.decref(func);
  if (code === null) return null;
  const filename = attr(code, "co_filename");
  const line = attr(code, "co_firstlineno");
  e.decref(code);
  const out = filename !== null && line !== null
    ? { filename: e.asString(filename) ?? "", line: Number(e.asJson(line)) }
    : null;
  if (filename !== null) e.decref(filename);
  if (line !== null) e.decref(line);
  return out;
}

/**
 * The source of the block that starts at the code's first line, as inspect.getsource finds
 * it in the registered source: the header's logical line, then every line indented past
 * it (blank lines inside kept, trailing ones dropped).
 */
function functionSource(
  session: Session,
  where: { filename: string; line: number },
): string | null {
  const text = session.engine.sourceText?.(where.filename) ?? null;
  if (text === null) return null;
  const lines = text.split("\n");
  if (where.line < 1 || where.line > lines.length) return null;
  const rest = lines.slice(where.line - 1);
  const indent = (l: string) => l.length - l.trimStart().length;
  const base = indent(rest[0]);
  const logicalAt = (i: number) => logicalLines(rest.slice(i).join("\n"))[0].count;
  let end = 0;
  // decorators, then the def or class header (one logical line each), then its body
  while (end < rest.length && /^\s*@/.test(rest[end])) end += logicalAt(end);
  if (end < rest.length) end += logicalAt(end);
  for (; end < rest.length; end++) {
    if (rest[end].trim() !== "" && indent(rest[end]) <= base) break;
  }
  while (end > 1 && rest[end - 1].trim() === "") end--;
  return rest.slice(0, end).join("\n");
}

/** inspect.cleandoc's rule: the first line kept, the common indent of the rest removed. */
function dedentDoc(doc: string): string {
  const lines = doc.replace(/\t/g, "        ").split("\n");
  const indents = lines.slice(1).filter((l) => l.trim() !== "").map((l) =>
    l.length - l.trimStart().length
  );
  const margin = indents.length ? Math.min(...indents) : 0;
  const out = [lines[0].trim(), ...lines.slice(1).map((l) => l.slice(margin))];
  while (out.length && out[out.length - 1].trim() === "") out.pop();
  while (out.length && out[0].trim() === "") out.shift();
  return out.join("\n");
}

export function inspectAt(
  session: Session,
  code: string,
  cursorPos: number,
  detailLevel: number,
): Inspection {
  const name = tokenAtCursor(code, codePointToIndex(code, cursorPos));
  if (name === "") return { found: false, data: {} };
  const text = inspectName(session, name, detailLevel);
  return text === null ? { found: false, data: {} } : { found: true, data: { "text/plain": text } };
}

/** The pinfo text for a dotted name, or null when nothing is bound to it. */
export function inspectName(session: Session, name: string, detailLevel: number): string | null {
  const obj = resolveDotted(session.engine, name);
  if (obj === null) return null;
  try {
    return describe(session, obj, name, detailLevel);
  } finally {
    session.engine.decref(obj);
  }
}
