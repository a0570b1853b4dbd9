// A light scan of Python source, enough for the shell's own decisions before the compiler
// sees a cell: where logical lines start (so that `%magic` lines are found as IPython's
// input transformers find them), whether a cell ends in `;` (which hides its result), and
// which name the cursor is on (for inspection and completion). It knows strings, comments,
// brackets and backslash continuations; it does not parse.

/** A logical line: one or more physical lines joined by brackets, strings or backslashes. */
export interface LogicalLine {
  /** The line's text, physical lines joined with their newlines (no final newline). */
  text: string;
  /** 0-based index of its first physical line */
  first: number;
  /** How many physical lines it spans */
  count: number;
}

/** Splits source into logical lines. Unterminated strings or brackets run to the end. */
export function logicalLines(source: string): LogicalLine[] {
  const physical = source.split("\n");
  const lines: LogicalLine[] = [];
  let depth = 0;
  let quote: string | null = null; // the open string's delimiter: ' " ''' """
  let start = 0;
  for (let i = 0; i < physical.length; i++) {
    const line = physical[i];
    let continued = false;
    for (let j = 0; j < line.length; j++) {
      const c = line[j];
      if (quote !== null) {
        if (c === "\\") j++;
        else if (line.startsWith(quote, j)) {
          j += quote.length - 1;
          quote = null;
        }
        continue;
      }
      if (c === "#") break;
      if (c === "'" || c === '"') {
        const triple = line.startsWith(c.repeat(3), j);
        quote = triple ? c.repeat(3) : c;
        if (triple) j += 2;
        continue;
      }
      if (c === "(" || c === "[" || c === "{") depth++;
      else if (c === ")" || c === "]" || c === "}") depth = Math.max(0, depth - 1);
      else if (c === "\\" && j === line.length - 1) continued = true;
    }
    // a single-quoted string cannot cross a line unless the line ends in a backslash
    if (quote !== null && quote.length === 1 && !line.endsWith("\\")) quote = null;
    if (depth === 0 && quote === null && !continued) {
      lines.push({
        text: physical.slice(start, i + 1).join("\n"),
        first: start,
        count: i + 1 - start,
      });
      start = i + 1;
    }
  }
  if (start < physical.length) {
    lines.push({
      text: physical.slice(start).join("\n"),
      first: start,
      count: physical.length - start,
    });
  }
  return lines;
}

/**
 * Whether the last token of the source, ignoring comments and blank lines, is `;` (IPython
 * then shows no result).
 */
export function endsWithSemicolon(source: string): boolean {
  const lines = logicalLines(source);
  for (let k = lines.length - 1; k >= 0; k--) {
    const code = stripComment(lines[k].text).trimEnd();
    if (code === "") continue;
    return code.endsWith(";");
  }
  return false;
}

/** The text of a logical line without its trailing comment (strings respected). */
export function stripComment(text: string): string {
  let quote: string | null = null;
  for (let j = 0; j < text.length; j++) {
    const c = text[j];
    if (quote !== null) {
      if (c === "\\") j++;
      else if (text.startsWith(quote, j)) {
        j += quote.length - 1;
        quote = null;
      }
      continue;
    }
    if (c === "#") return text.slice(0, j);
    if (c === "'" || c === '"') {
      quote = text.startsWith(c.repeat(3), j) ? c.repeat(3) : c;
      j += quote.length - 1;
    }
  }
  return text;
}

const IDENT_CHAR = /[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}_]/u;

/** Converts a cursor position in Unicode code points (as Jupyter counts) to a JS index. */
export function codePointToIndex(text: string, cursor: number): number {
  let index = 0;
  for (let n = 0; n < cursor && index < text.length; n++) {
    const code = text.codePointAt(index)!;
    index += code > 0xffff ? 2 : 1;
  }
  return index;
}

/** Converts a JS string index to a count of Unicode code points. */
export function indexToCodePoint(text: string, index: number): number {
  let n = 0;
  for (let i = 0; i < index && i < text.length; n++) {
    i += text.codePointAt(i)! > 0xffff ? 2 : 1;
  }
  return n;
}

/**
 * The dotted name that ends at `index` (e.g. "os.path.jo" for completion), and where it
 * starts. Only names and dots: "f(x).y" gives "y".
 */
export function dottedNameBefore(text: string, index: number): { name: string; start: number } {
  let start = index;
  while (start > 0) {
    const c = text[start - 1];
    if (IDENT_CHAR.test(c) || c === ".") start--;
    else if (isLowSurrogate(text, start - 1) && IDENT_CHAR.test(text.slice(start - 2, start))) {
      start -= 2;
    } else break;
  }
  const name = text.slice(start, index);
  // a dotted name starts with an identifier, not a digit or a dot
  const lead = name.search(/[^.\d]/);
  if (lead > 0 && /^[\d.]/.test(name)) return { name: name.slice(lead), start: start + lead };
  return { name, start };
}

function isLowSurrogate(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
}

/**
 * The name an inspection at `index` is about, as IPython's token_at_cursor: the dotted
 * name under the cursor; or, when the cursor is inside a call's parentheses and not on a
 * name, the callee's name.
 */
export function tokenAtCursor(text: string, index: number): string {
  let end = index;
  while (end < text.length && IDENT_CHAR.test(text[end])) end++;
  const here = dottedNameBefore(text, end);
  if (here.name !== "" && !here.name.endsWith(".")) return here.name;
  // inside a call: find the innermost unclosed "(" before the cursor
  let depth = 0;
  for (let i = index - 1; i >= 0; i--) {
    const c = text[i];
    if (c === ")") depth++;
    else if (c === "(") {
      if (depth === 0) {
        let j = i;
        while (j > 0 && text[j - 1] === " ") j--;
        const callee = dottedNameBefore(text, j).name;
        if (callee !== "") return callee;
      } else depth--;
    }
  }
  return "";
}

/**
 * Whether the source ends inside a bracket or a string (a triple-quoted one; a one-quote string
 * ends at its line). Comments and quoted brackets are skipped.
 */
export function unterminated(source: string): boolean {
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (quote !== null) {
      if (c === "\\") i++;
      else if (source.startsWith(quote, i)) {
        i += quote.length - 1;
        quote = null;
      } else if (c === "\n" && quote.length === 1) quote = null;
      continue;
    }
    if (c === "#") {
      const nl = source.indexOf("\n", i);
      if (nl < 0) break;
      i = nl;
    } else if (c === "'" || c === '"') {
      quote = source.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
      i += quote.length - 1;
    } else if ("([{".includes(c)) depth++;
    else if (")]}".includes(c)) depth = Math.max(0, depth - 1);
  }
  return depth > 0 || (quote !== null && quote.length === 3);
}
