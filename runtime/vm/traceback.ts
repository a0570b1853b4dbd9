// Tracebacks (Python/traceback.c) and the display of uncaught exceptions
// (Python/pythonrun.c print_exception_recursive): the frames an exception passed through,
// printed as CPython 3.11 prints them, with the source line and the ~~~^^^ markers found
// from the AST of the failing expression, chained exceptions, notes, "Did you mean"
// suggestions (Python/suggestions.c) and SyntaxError's caret line.

import { trashcanBegin, trashcanEnd } from "../memory/trashcan.ts";
import {
  newObject,
  Py_DECREF,
  Py_INCREF,
  Py_None,
  Py_XDECREF,
  PyObject,
  PyObject_GC_Del,
  PyObject_GC_Init,
  PyObject_GC_Track,
  PyObject_GC_UnTrack,
  PyTraceBack_Type,
  PyType_IsSubtype,
  type PyTypeObject,
  type visitproc,
} from "../objects/object.ts";
import { type Frame, frameObjectData, getFrameObject } from "./frame.ts";
import {
  excData,
  PyExc_AttributeError,
  PyExc_BaseExceptionGroup,
  PyExc_NameError,
  PyExc_SyntaxError,
} from "../objects/exceptions.ts";
import {
  _PyObject_LookupAttr,
  PyObject_Str,
  str,
  typeModuleName,
  typeQualName,
} from "../objects/objectops.ts";
import { _Py_ID, PyUnicode_Check } from "../objects/unicodeobject.ts";
import { dictKeyList } from "../objects/dictobject.ts";
import { longValue, PyLong_CheckExact, PyLong_FromNumber } from "../objects/longobject.ts";
import { parse } from "../compiler/parser.ts";
import type * as A from "../compiler/ast.ts";
import { PyObject_Dir } from "../objects/dir.ts";
import { PyObject_Size, PySequence_Check, PySequence_GetItem } from "../objects/abstract.ts";
import { namesByKind } from "../objects/codeobject.ts";
import { CO_FAST } from "../compiler/code.ts";
import { isWideCp } from "../objects/unicodetype.ts";

// ---- traceback objects ----------------------------------------------------------------------------

/** ob_item = [tb_next or null, tb_frame]; ob_val = tb_lasti (code units); ob_size = tb_lineno. */
export interface PyTracebackObject extends PyObject {
  ob_item: [PyObject | null, PyObject];
  ob_val: number;
}

export function tbNew(
  next: PyObject | null,
  frame: PyObject,
  lasti: number,
  lineno: number,
): PyObject {
  const tb = newObject(PyTraceBack_Type) as PyTracebackObject;
  PyObject_GC_Init(tb, PyTraceBack_Type.tp_basicsize);
  if (next !== null) Py_INCREF(next);
  Py_INCREF(frame);
  tb.ob_item = [next, frame];
  tb.ob_val = lasti;
  tb.ob_size = lineno;
  PyObject_GC_Track(tb);
  return tb;
}

/** PyTraceBack_Here: prepends an entry for frame to the exception's traceback. */
export function PyTraceBack_Here(exc: PyObject, frame: Frame): void {
  const d = excData(exc);
  const f = getFrameObject(frame);
  const tb = tbNew(d.traceback, f, frame.prev_instr, -1);
  const old = d.traceback;
  d.traceback = tb;
  Py_XDECREF(old);
}

export function tb_dealloc(tb: PyObject): void {
  PyObject_GC_UnTrack(tb);
  // (in the trashcan, as traceback.c's: a traceback of 100000 frames is a chain as long)
  const tc = trashcanBegin(tb, tb_dealloc);
  if (tc < 0) return;
  const [next, frame] = (tb as PyTracebackObject).ob_item;
  Py_XDECREF(next);
  Py_XDECREF(frame);
  PyObject_GC_Del(tb);
  trashcanEnd(tc);
}

export function tb_traverse(tb: PyObject, visit: visitproc, arg: unknown): number {
  const [next, frame] = (tb as PyTracebackObject).ob_item;
  if (next !== null) {
    const r = visit(next, arg);
    if (r) return r;
  }
  return visit(frame, arg);
}

export function tbNext(tb: PyObject): PyObject | null {
  return (tb as PyTracebackObject).ob_item[0];
}

export function tbFrame(tb: PyObject): PyObject {
  return (tb as PyTracebackObject).ob_item[1];
}

/** tb_lineno (computed on first use). */
export function tbLineno(tb: PyObject): number {
  if (tb.ob_size === -1) {
    const frame = frameObjectData(tbFrame(tb)).f_frame;
    tb.ob_size = frame.code.addr2line(tb.ob_val as number) ?? -1;
  }
  return tb.ob_size;
}

export const tb_members = [
  {
    name: "tb_next",
    get: (tb: PyObject) => {
      const n = tbNext(tb) ?? Py_None;
      Py_INCREF(n);
      return n;
    },
    set: null,
  },
  {
    name: "tb_frame",
    get: (tb: PyObject) => {
      const f = tbFrame(tb);
      Py_INCREF(f);
      return f;
    },
    set: null,
  },
  {
    name: "tb_lasti",
    get: (tb: PyObject) => PyLong_FromNumber((tb.ob_val as number) * 2),
    set: null,
  },
  { name: "tb_lineno", get: (tb: PyObject) => PyLong_FromNumber(tbLineno(tb)), set: null },
];

// ---- source lines -------------------------------------------------------------------------------

/** Source text of files glasspy ran or compiled, by filename (our linecache). */
export const sourceCache = new Map<string, string>();

/** A reader for files not in the cache (the host's file system), or null. */
export let readSourceFile: ((filename: string) => string | null) | null = null;
export function setSourceReader(f: ((filename: string) => string | null) | null): void {
  readSourceFile = f;
}

/** While the interpreter finalizes, CPython can no longer read source lines (io is gone). */
export const tracebackState = { finalizing: false };

/** The whole source text known for a file name (registered, else read), or null. */
export function sourceText(filename: string): string | null {
  // as linecache: what was registered answers first, whatever its name (IPython's cells)
  const text = sourceCache.get(filename);
  if (text !== undefined) return text;
  if (filename.startsWith("<") && filename.endsWith(">")) return null;
  if (readSourceFile === null) return null;
  const t = readSourceFile(filename);
  if (t !== null) sourceCache.set(filename, t);
  return t;
}

/** The last text split by sourceLines, and its lines. */
let splitText: string | null = null;
let splitLines: string[] = [];

/**
 * The source lines known for a file name, without their newlines, as io's readline splits
 * them (universal newlines turn \r\n and \r into \n; no empty line after a final
 * newline), or null. The last file split is kept: a traceback asks for many of its lines.
 */
export function sourceLines(filename: string): string[] | null {
  const text = sourceText(filename);
  if (text === null) return null;
  if (text !== splitText) {
    splitLines = text.replace(/\r\n?/g, "\n").split("\n");
    if (splitLines[splitLines.length - 1] === "") splitLines.pop();
    splitText = text;
  }
  return splitLines;
}

export function sourceLine(filename: string, lineno: number): string | null {
  if (tracebackState.finalizing) return null;
  const lines = sourceLines(filename);
  if (lines === null || lineno < 1 || lineno > lines.length) return null;
  return lines[lineno - 1];
}

// ---- printing ------------------------------------------------------------------------------------

const TB_RECURSIVE_CUTOFF = 3;

function isWhitespace(c: string): boolean {
  return c === " " || c === "\t" || c === "\f";
}

/** UTF-8 byte offset to character offset within a line. */
function byteToCharOffset(line: string, byteOffset: number): number {
  const bytes = new TextEncoder().encode(line);
  if (byteOffset > bytes.length) return -1;
  return [...new TextDecoder().decode(bytes.subarray(0, byteOffset))].length;
}

/**
 * The columns the first `offset` characters of a line take on a terminal: two for East Asian
 * Wide and Fullwidth characters, one for the others. CPython 3.11.7 places its carets by these
 * columns; an offset past the end counts the whole line.
 */
export function displayWidth(line: string, offset: number): number {
  if (offset <= 0) return offset;
  let width = 0, n = 0;
  for (const ch of line) {
    if (n++ === offset) return width;
    width += isWideCp(ch.codePointAt(0)!) ? 2 : 1;
  }
  return width;
}

/**
 * The expression of a caret segment that carets mark in parts: a binary operation or a
 * subscript standing as the segment's one statement; null for anything else, or when the
 * segment does not parse. (The traceback module asks the same question.)
 */
export function segmentExpression(
  filename: string,
  segment: string,
): A.BinOp | A.Subscript | null {
  let mod: A.mod;
  try {
    mod = parse(segment, { filename, mode: "exec" });
  } catch {
    return null;
  }
  if (mod._type !== "Module" || mod.body.length !== 1) return null;
  const stmt = mod.body[0];
  if (stmt._type !== "Expr") return null;
  const expr = stmt.value;
  return expr._type === "BinOp" || expr._type === "Subscript" ? expr : null;
}

/** extract_anchors_from_line: [leftEnd, rightStart, primary, secondary] or null. */
function extractAnchors(
  filename: string,
  line: string,
  start: number,
  end: number,
): [number, number, string, string] | null {
  const chars = [...line];
  const segment = chars.slice(start, end).join("");
  const expr = segmentExpression(filename, segment);
  if (expr === null) return null;
  const segBytes = new TextEncoder().encode(segment);
  let left = -1, right = -1;
  let primary = "^", secondary = "^";
  if (expr._type === "BinOp") {
    const l = expr.left, r = expr.right;
    // the operator: the first byte after the left operand that is neither blank nor the
    // closing parenthesis of a parenthesized left operand (3.11.7)
    for (let i = l.end_col_offset; i < r.col_offset; i++) {
      const c = String.fromCharCode(segBytes[i]);
      if (isWhitespace(c) || c === ")") continue;
      left = i;
      right = i + 1;
      if (i + 1 < r.col_offset && !isWhitespace(String.fromCharCode(segBytes[i + 1]))) right++;
      primary = "~";
      secondary = "^";
      break;
    }
    if (left < 0) return null;
  } else {
    // from the opening bracket after the value to the closing one after the slice (3.11.7)
    left = expr.value.end_col_offset;
    right = expr.slice.end_col_offset + 1;
    const n = segBytes.length;
    while (left < n && segBytes[left] !== 0x5b) left++;
    while (right < n && segBytes[right] !== 0x5d) right++;
    if (right < n) right++;
    primary = "~";
    secondary = "^";
  }
  return [
    byteToCharOffset(segment, left) + start,
    byteToCharOffset(segment, right) + start,
    primary,
    secondary,
  ];
}

/** tb_displayline */
function displayLine(
  out: string[],
  tb: PyObject,
  filename: string,
  lineno: number,
  name: string,
  margin: string,
): void {
  out.push(`${margin}  File "${filename}", line ${lineno}, in ${name}\n`);
  const raw = sourceLine(filename, lineno);
  if (raw === null) return;
  // strip indentation
  let i = 0;
  while (i < raw.length && (raw[i] === " " || raw[i] === "\t" || raw[i] === "\f")) i++;
  const stripped = raw.slice(i);
  const truncation = i - 4;
  out.push(`${margin}    ${stripped}\n`);
  const frame = frameObjectData(tbFrame(tb)).f_frame;
  const pos = frame.code.position(tb.ob_val as number);
  if (pos.line === null || pos.endLine === null || pos.col === null || pos.endCol === null) return;
  if (pos.line < 0 || pos.endLine < 0 || pos.col < 0 || pos.endCol < 0) return;
  const sourceLineLen = [...raw].length;
  const startOffset = byteToCharOffset(raw, pos.col);
  let endOffset = byteToCharOffset(raw, pos.endCol);
  if (startOffset < 0 || endOffset < 0) return;
  let leftEnd = -1, rightStart = -1;
  let primary = "^", secondary = "^";
  if (pos.line === pos.endLine) {
    const a = extractAnchors(filename, raw, startOffset, endOffset);
    if (a !== null) [leftEnd, rightStart, primary, secondary] = a;
  } else {
    // up to the last character that is not whitespace, counted in UTF-8 bytes as CPython
    // counts it, though it is used as a character offset below
    const bytes = new TextEncoder().encode(raw);
    let k = bytes.length;
    while (--k >= 0) if (!isWhitespace(String.fromCharCode(bytes[k]))) break;
    endOffset = k + 1;
  }
  const strippedLen = sourceLineLen - truncation - 4;
  const hasSecondary = leftEnd !== -1 || rightStart !== -1;
  if (endOffset - startOffset === strippedLen && !hasSecondary) return;
  // the carets go under columns, not characters
  const dpStart = displayWidth(raw, startOffset);
  const dpEnd = displayWidth(raw, endOffset);
  const dpLeftEnd = leftEnd === -1 ? -1 : displayWidth(raw, leftEnd);
  const dpRightStart = rightStart === -1 ? -1 : displayWidth(raw, rightStart);
  let carets = "";
  let offset = truncation;
  while (++offset <= dpEnd) {
    if (offset <= dpStart) carets += " ";
    else if (hasSecondary && dpLeftEnd < offset && offset <= dpRightStart) carets += secondary;
    else carets += primary;
  }
  out.push(margin + carets + "\n");
}

function printLineRepeated(out: string[], cnt: number, margin: string): void {
  cnt -= TB_RECURSIVE_CUTOFF;
  out.push(
    `${margin}  [Previous line repeated ${cnt} more time${cnt > 1 ? "s" : ""}]\n`,
  );
}

/** tb_printinternal */
function printTraceback(
  out: string[],
  tb0: PyObject,
  margin: string,
  headerMargin: string,
  header: string,
  limit = 1000,
): void {
  out.push(headerMargin + header + "\n");
  let depth = 0;
  for (let t: PyObject | null = tb0; t !== null; t = tbNext(t)) depth++;
  let tb: PyObject | null = tb0;
  while (tb !== null && depth > limit) {
    depth--;
    tb = tbNext(tb);
  }
  let lastFile: PyObject | null = null, lastName: PyObject | null = null;
  let lastLine = -1;
  let cnt = 0;
  while (tb !== null) {
    const code = frameObjectData(tbFrame(tb)).f_frame.code;
    const lineno = tbLineno(tb);
    if (
      lastFile === null || code.co_filename !== lastFile || lastLine === -1 ||
      lineno !== lastLine ||
      lastName === null || code.co_name !== lastName
    ) {
      if (cnt > TB_RECURSIVE_CUTOFF) printLineRepeated(out, cnt, margin);
      lastFile = code.co_filename;
      lastLine = lineno;
      lastName = code.co_name;
      cnt = 0;
    }
    cnt++;
    if (cnt <= TB_RECURSIVE_CUTOFF) {
      displayLine(out, tb, str(code.co_filename), lineno, str(code.co_name), margin);
    }
    tb = tbNext(tb);
  }
  if (cnt > TB_RECURSIVE_CUTOFF) printLineRepeated(out, cnt, margin);
}

interface PrintContext {
  out: string[];
  seen: Set<PyObject>;
  groupDepth: number;
  needClose: boolean;
}

function indentOf(ctx: PrintContext): number {
  return 2 * ctx.groupDepth;
}

function marginOf(ctx: PrintContext): string {
  return ctx.groupDepth > 0 ? "| " : "";
}

function indentedMargin(ctx: PrintContext): string {
  return " ".repeat(indentOf(ctx)) + marginOf(ctx);
}

/** Levenshtein distance with CPython's costs (suggestions.c). */
function levenshtein(a: Uint8Array, b: Uint8Array, maxCost: number): number {
  let as = 0, ae = a.length, bs = 0, be = b.length;
  while (as < ae && bs < be && a[as] === b[bs]) {
    as++;
    bs++;
  }
  while (as < ae && bs < be && a[ae - 1] === b[be - 1]) {
    ae--;
    be--;
  }
  let aSize = ae - as, bSize = be - bs;
  if (aSize === 0 || bSize === 0) return (aSize + bSize) * 2;
  if (aSize > 40 || bSize > 40) return maxCost + 1;
  let x = a.subarray(as, ae), y = b.subarray(bs, be);
  if (bSize < aSize) {
    [x, y] = [y, x];
    [aSize, bSize] = [bSize, aSize];
  }
  if ((bSize - aSize) * 2 > maxCost) return maxCost + 1;
  const sub = (p: number, q: number) => {
    if ((p & 31) !== (q & 31)) return 2;
    if (p === q) return 0;
    if (p >= 65 && p <= 90) p += 32;
    if (q >= 65 && q <= 90) q += 32;
    return p === q ? 1 : 2;
  };
  const buffer = new Array(aSize);
  let tmp = 2;
  for (let i = 0; i < aSize; i++) {
    buffer[i] = tmp;
    tmp += 2;
  }
  let result = 0;
  for (let bi = 0; bi < bSize; bi++) {
    const code = y[bi];
    let distance = result = bi * 2;
    let minimum = Infinity;
    for (let idx = 0; idx < aSize; idx++) {
      const substitute = distance + sub(code, x[idx]);
      distance = buffer[idx];
      const insertDelete = Math.min(result, distance) + 2;
      result = Math.min(insertDelete, substitute);
      buffer[idx] = result;
      if (result < minimum) minimum = result;
    }
    if (minimum > maxCost) return maxCost + 1;
  }
  return result;
}

function calculateSuggestions(candidates: string[], name: string): string | null {
  if (candidates.length >= 750) return null;
  const enc = new TextEncoder();
  const nameBytes = enc.encode(name);
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const item of candidates) {
    if (item === name) continue;
    const itemBytes = enc.encode(item);
    let maxDistance = Math.floor((nameBytes.length + itemBytes.length + 3) * 2 / 6);
    maxDistance = Math.min(maxDistance, bestDistance - 1);
    const d = levenshtein(nameBytes, itemBytes, maxDistance);
    if (d > maxDistance) continue;
    if (best === null || d < bestDistance) {
      best = item;
      bestDistance = d;
    }
  }
  return best;
}

/** _Py_Offer_Suggestions */
function offerSuggestions(value: PyObject): string | null {
  const d = excData(value);
  try {
    if (value.ob_type === PyExc_AttributeError) {
      if (d.name === null || d.obj === null || !PyUnicode_Check(d.name)) return null;
      const dir = PyObject_Dir(d.obj);
      try {
        return calculateSuggestions((dir.ob_item as PyObject[]).map((o) => str(o)), str(d.name));
      } finally {
        Py_DECREF(dir);
      }
    }
    if (value.ob_type === PyExc_NameError) {
      if (d.name === null || !PyUnicode_Check(d.name) || d.traceback === null) return null;
      let tb = d.traceback;
      while (tbNext(tb) !== null) tb = tbNext(tb)!;
      const frame = frameObjectData(tbFrame(tb)).f_frame;
      const varnames = namesByKind(frame.code, CO_FAST.LOCAL).map((o) => str(o));
      const name = str(d.name);
      return calculateSuggestions(varnames, name) ??
        calculateSuggestions(dictKeyList(frame.f_globals).map((o) => str(o)), name) ??
        calculateSuggestions(dictKeyList(frame.f_builtins).map((o) => str(o)), name);
    }
  } catch (e) {
    if (e instanceof PyObject) Py_DECREF(e);
  }
  return null;
}

/** print_exception_file_and_line + print_error_text for SyntaxError. */
function printSyntaxErrorLocation(ctx: PrintContext, value: PyObject): PyObject {
  const d = excData(value);
  const pfl = _PyObject_LookupAttr(value, _Py_ID("print_file_and_line"));
  if (pfl === null) {
    Py_INCREF(value);
    return value;
  }
  Py_DECREF(pfl);
  const filename = d.filename !== null && d.filename !== Py_None
    ? strOrRepr(d.filename)
    : "<string>";
  const lineno = d.lineno !== null && PyLong_CheckExact(d.lineno) ? Number(longValue(d.lineno)) : 0;
  ctx.out.push(`${indentedMargin(ctx)}  File "${filename}", line ${lineno}\n`);
  if (d.text !== null && PyUnicode_Check(d.text)) {
    let offset = d.offset !== null && PyLong_CheckExact(d.offset)
      ? Number(longValue(d.offset))
      : -1;
    let endOffset = d.end_offset !== null && PyLong_CheckExact(d.end_offset)
      ? Number(longValue(d.end_offset))
      : -1;
    const endLineno = d.end_lineno !== null && PyLong_CheckExact(d.end_lineno)
      ? Number(longValue(d.end_lineno))
      : lineno;
    const textStr = str(d.text);
    const lineSize = new TextEncoder().encode(textStr).length;
    if (endLineno > lineno) endOffset = lineSize;
    if (endOffset > lineSize + 1) endOffset = lineSize + 1;
    printErrorText(ctx, offset, endOffset, textStr);
    void offset;
    offset = 0;
  }
  const msg = d.msg ?? Py_None;
  Py_INCREF(msg);
  return msg;
}

function strOrRepr(o: PyObject): string {
  const s = PyObject_Str(o);
  const t = str(s);
  Py_DECREF(s);
  return t;
}

function printErrorText(
  ctx: PrintContext,
  offset: number,
  endOffset: number,
  textIn: string,
): void {
  // Offsets are 1-based byte offsets into the UTF-8 text (CPython works on bytes here).
  const caretReps = endOffset > 0 && endOffset > offset ? endOffset - offset : 1;
  let text = new TextEncoder().encode(textIn);
  offset--;
  let p = 0;
  while (p < text.length && (text[p] === 32 || text[p] === 9 || text[p] === 12)) {
    p++;
    offset--;
  }
  text = text.subarray(p);
  let len = text.length;
  if (len > 0 && text[len - 1] === 10) len--;
  if (offset > len) offset = len;
  for (;;) {
    const nl = text.indexOf(10);
    if (nl < 0 || nl >= offset) break;
    const inl = nl + 1;
    text = text.subarray(inl);
    len -= inl;
    offset -= inl;
  }
  const dec = new TextDecoder().decode(text);
  ctx.out.push("    " + dec);
  if (text[len] !== 10) ctx.out.push("\n");
  if (offset < 0) return;
  ctx.out.push("    " + " ".repeat(offset) + "^".repeat(caretReps) + "\n");
}

/** print_exception */
function printException(ctx: PrintContext, value0: PyObject): void {
  const d = excData(value0);
  const margin = indentedMargin(ctx);
  if (d.traceback !== null) {
    const isGroup = PyType_IsSubtype(value0.ob_type, PyExc_BaseExceptionGroup);
    const header = isGroup
      ? "Exception Group Traceback (most recent call last):"
      : "Traceback (most recent call last):";
    const headerMargin = isGroup && ctx.groupDepth === 1
      ? " ".repeat(indentOf(ctx)) + "+ "
      : margin;
    printTraceback(ctx.out, d.traceback, margin, headerMargin, header);
  }
  const type = value0.ob_type;
  let value = value0;
  let valueOwned = false;
  if (PyType_IsSubtype(type, PyExc_SyntaxError)) {
    value = printSyntaxErrorLocation(ctx, value0);
    valueOwned = true;
  }
  let line = margin;
  const mod = typeModuleName(type);
  if (mod === null) line += "<unknown>.";
  else if (mod !== "builtins" && mod !== "__main__") line += mod + ".";
  line += typeQualName(type);
  if (value !== Py_None) {
    let s: string | null;
    try {
      const so = PyObject_Str(value);
      s = str(so);
      Py_DECREF(so);
    } catch (e) {
      if (e instanceof PyObject) Py_DECREF(e);
      s = null;
    }
    if (s === null) line += ": <exception str() failed>";
    else if (s.length !== 0) line += ": " + s;
  }
  if (valueOwned) Py_DECREF(value);
  const suggestion = offerSuggestions(value0);
  if (suggestion !== null) line += `. Did you mean: '${suggestion}'?`;
  ctx.out.push(line + "\n");
  printNotes(ctx, value0);
}

function printNotes(ctx: PrintContext, value: PyObject): void {
  const notes = _PyObject_LookupAttr(value, _Py_ID("__notes__"));
  if (notes === null) return;
  try {
    if (!PySequence_Check(notes)) {
      const r = strOrRepr(notes);
      ctx.out.push(indentedMargin(ctx) + r);
      return;
    }
    const n = PyObject_Size(notes);
    for (let i = 0; i < n; i++) {
      const note = PySequence_GetItem(notes, i);
      let text: string | null;
      try {
        const s = PyObject_Str(note);
        text = str(s);
        Py_DECREF(s);
      } catch (e) {
        if (e instanceof PyObject) Py_DECREF(e);
        text = null;
      } finally {
        Py_DECREF(note);
      }
      if (text === null) ctx.out.push("<note str() failed>");
      else {
        const lines = text.match(/[^\n\r]*(\r\n|\n|\r|$)/g)!.filter((l, k, arr) =>
          l !== "" || k === 0 && arr.length === 1
        );
        for (const l of lines) ctx.out.push(indentedMargin(ctx) + l);
      }
      ctx.out.push("\n");
    }
  } finally {
    Py_DECREF(notes);
  }
}

const causeMessage = "The above exception was the direct cause of the following exception:\n";
const contextMessage = "During handling of the above exception, another exception occurred:\n";

function printChained(ctx: PrintContext, value: PyObject, message: string): void {
  const needClose = ctx.needClose;
  printExceptionRecursive(ctx, value);
  ctx.needClose = needClose;
  ctx.out.push(indentedMargin(ctx) + "\n");
  ctx.out.push(indentedMargin(ctx) + message);
  ctx.out.push(indentedMargin(ctx) + "\n");
}

function printCauseAndContext(ctx: PrintContext, value: PyObject): void {
  ctx.seen.add(value);
  const d = excData(value);
  if (d.cause !== null) {
    if (!ctx.seen.has(d.cause)) printChained(ctx, d.cause, causeMessage);
    return;
  }
  if (d.suppress_context) return;
  if (d.context !== null && !ctx.seen.has(d.context)) printChained(ctx, d.context, contextMessage);
}

function printExceptionGroup(ctx: PrintContext, value: PyObject): void {
  if (ctx.groupDepth > 10) {
    ctx.out.push(indentedMargin(ctx) + "... (max_group_depth is 10)\n");
    return;
  }
  if (ctx.groupDepth === 0) ctx.groupDepth++;
  printException(ctx, value);
  const excs = (excData(value).excs?.ob_item ?? []) as PyObject[];
  const n = excs.length <= 15 ? excs.length : 16;
  ctx.needClose = false;
  for (let i = 0; i < n; i++) {
    const last = i === n - 1;
    if (last) ctx.needClose = true;
    const truncated = i >= 15;
    ctx.out.push(
      " ".repeat(indentOf(ctx)) +
        (truncated
          ? `${i === 0 ? "+-" : "  "}+---------------- ... ----------------\n`
          : `${i === 0 ? "+-" : "  "}+---------------- ${i + 1} ----------------\n`),
    );
    ctx.groupDepth++;
    if (!truncated) printExceptionRecursive(ctx, excs[i]);
    else {
      const remaining = excs.length - 15;
      ctx.out.push(
        indentedMargin(ctx) + `and ${remaining} more exception${remaining > 1 ? "s" : ""}\n`,
      );
    }
    if (last && ctx.needClose) {
      ctx.out.push(" ".repeat(indentOf(ctx)) + "+------------------------------------\n");
      ctx.needClose = false;
    }
    ctx.groupDepth--;
  }
  if (ctx.groupDepth === 1) ctx.groupDepth--;
}

function printExceptionRecursive(ctx: PrintContext, value: PyObject): void {
  printCauseAndContext(ctx, value);
  if (!PyType_IsSubtype(value.ob_type, PyExc_BaseExceptionGroup)) printException(ctx, value);
  else printExceptionGroup(ctx, value);
}

/** _PyTraceBack_Print: "Traceback (most recent call last):" and the entries of tb. */
export function formatTraceback(tb: PyObject): string {
  const out: string[] = [];
  printTraceback(out, tb, "", "", "Traceback (most recent call last):");
  return out.join("");
}

/** _PyErr_Display: the text CPython writes to stderr for an uncaught exception. */
export function formatException(value: PyObject): string {
  const ctx: PrintContext = { out: [], seen: new Set(), groupDepth: 0, needClose: false };
  printExceptionRecursive(ctx, value);
  return ctx.out.join("");
}

export type { PyTypeObject };
