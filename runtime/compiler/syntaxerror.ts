// What the compiler throws for bad source: a SyntaxError (or IndentationError, TabError)
// with CPython 3.11's message and position, and the text CPython prints for it when it
// goes uncaught (Python/pythonrun.c, print_exception_file_and_line and print_error_text).

/** A SyntaxError found while compiling: CPython's class name, message and position. */
export class CompileError extends Error {
  constructor(
    /** "SyntaxError", "IndentationError" or "TabError" */
    readonly kind: "SyntaxError" | "IndentationError" | "TabError",
    /** CPython 3.11's message text, e.g. "expected ':'" */
    readonly msg: string,
    readonly filename: string,
    /** 1-based line, as SyntaxError.lineno */
    readonly lineno: number,
    /** 1-based column in code points, as SyntaxError.offset */
    readonly offset: number,
    /** The source line, as SyntaxError.text (with its newline, as CPython keeps it) */
    readonly text: string | null,
    readonly endLineno: number | null = null,
    readonly endOffset: number | null = null,
  ) {
    super(msg);
  }

  /**
   * False for an error CPython raises with no position at all (a source file's bad
   * encoding, when run as a script): SyntaxError.filename, .lineno, .offset and .text
   * are None and only `SyntaxError: msg` is printed.
   */
  located = true;

  /** A SyntaxError with a message only (see `located`). */
  static unlocated(msg: string, filename = ""): CompileError {
    const e = new CompileError("SyntaxError", msg, filename, 0, -1, null);
    e.located = false;
    return e;
  }
}

/**
 * The JavaScript stack ran out while compiling (deeply nested source): CPython's
 * RecursionError "maximum recursion depth exceeded during compilation". It is a RangeError
 * with V8's message, so code that treats stack overflow as RecursionError already does.
 */
export class CompileRecursionError extends RangeError {
  /** The RecursionError's message in CPython */
  readonly pythonMessage = "maximum recursion depth exceeded during compilation";
  constructor() {
    super("Maximum call stack size exceeded");
    this.name = "CompileRecursionError";
  }
}

/**
 * Whether e is V8 running out of JavaScript stack: its RangeError, or the SyntaxError a
 * regular expression throws when it runs out of stack while compiling. Plain string tests,
 * no regular expression: this runs at the stack's edge, where one more compile overflows.
 */
export function isStackOverflow(e: unknown): boolean {
  if (e instanceof RangeError) return e.message === "Maximum call stack size exceeded";
  return e instanceof SyntaxError && e.message.endsWith(": Stack overflow");
}

/** Runs fn, turning V8's stack overflow into a CompileRecursionError. */
export function guardStack<R>(fn: () => R): R {
  try {
    return fn();
  } catch (e) {
    if (
      isStackOverflow(e) && !(e instanceof CompileRecursionError)
    ) {
      throw new CompileRecursionError();
    }
    throw e;
  }
}

function utf8(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

/**
 * The lines CPython 3.11 prints to stderr for an uncaught SyntaxError: the
 * `  File "...", line N` header, the source line with its carets, and `Kind: msg`.
 * (A traceback header, when there is one, is the caller's.)
 */
export function formatSyntaxError(e: CompileError): string {
  if (!e.located) return `${e.kind}: ${e.msg}\n`;
  let out = `  File "${e.filename}", line ${e.lineno}\n`;
  if (e.text !== null) {
    const offset = e.offset;
    let endOffset = e.kind === "SyntaxError" ? (e.endOffset ?? -1) : -1;
    const endLineno = e.kind === "SyntaxError" ? (e.endLineno ?? e.lineno) : e.lineno;
    const lineSize = utf8(e.text).length;
    if (endLineno > e.lineno) endOffset = lineSize;
    if (endOffset > lineSize + 1) endOffset = lineSize + 1;
    out += errorText(offset, endOffset, e.text);
  }
  out += `${e.kind}: ${e.msg}\n`;
  return out;
}

/** print_error_text: works on the UTF-8 bytes of the line, as CPython does. */
function errorText(offsetIn: number, endOffset: number, textIn: string): string {
  const caretRepetitions = endOffset > 0 && endOffset > offsetIn ? endOffset - offsetIn : 1;
  const bytes = utf8(textIn);
  let offset = offsetIn - 1;
  let start = 0;
  while (
    start < bytes.length && (bytes[start] === 32 || bytes[start] === 9 || bytes[start] === 12)
  ) {
    start++;
    offset--;
  }
  let len = bytes.length - start;
  if (len > 0 && bytes[start + len - 1] === 10) len--;
  if (offset > len) offset = len;
  for (;;) {
    const nl = bytes.indexOf(10, start);
    if (nl < 0) break;
    let inl = nl - start;
    if (inl >= offset) break;
    inl += 1;
    start += inl;
    len -= inl;
    offset -= inl;
  }
  const dec = new TextDecoder();
  const rest = dec.decode(bytes.subarray(start));
  let out = "    " + rest;
  if (bytes[start + len] !== 10) out += "\n";
  if (offset < 0) return out;
  out += "    " + " ".repeat(offset) + "^".repeat(caretRepetitions) + "\n";
  return out;
}
