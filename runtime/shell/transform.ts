// IPython's input transformations (IPython/core/inputtransformer2.py), the part glasspy
// keeps: a cell is cleaned (leading blank lines, a common indent, `>>>` prompts), a cell
// magic `%%name` becomes one call, and escaped lines (`%magic`, `x = %magic`, `!cmd`,
// `obj?`) become calls on `get_ipython()`. The result is Python source, and it is what
// IPython records in `In`.

import { pyStrRepr } from "./magics.ts";
import { logicalLines, stripComment } from "./scan.ts";

/** Removes blank lines at the start (IPython's leading_empty_lines). */
function leadingEmptyLines(lines: string[]): string[] {
  let i = 0;
  while (i < lines.length && lines[i].trim() === "") i++;
  return lines.slice(i);
}

/** Removes the first line's indentation from every line that has it (leading_indent). */
function leadingIndent(lines: string[]): string[] {
  if (lines.length === 0) return lines;
  const m = /^[ \t]+/.exec(lines[0]);
  if (!m) return lines;
  const space = m[0];
  return lines.map((l) => (l.startsWith(space) ? l.slice(space.length) : l));
}

/** Strips `>>> ` and `... ` prompts from pasted doctest sessions (classic_prompt). */
function classicPrompt(lines: string[]): string[] {
  if (lines.length === 0) return lines;
  const initial = /^>>>( |$)/;
  const prompt = /^(>>>|\.\.\.)( |$)/;
  if (initial.test(lines[0]) || (lines.length > 1 && prompt.test(lines[1]))) {
    return lines.map((l) => l.replace(prompt, ""));
  }
  return lines;
}

/** `%%name args` on the first line: the whole cell is one run_cell_magic call. */
function cellMagic(lines: string[]): string[] {
  if (lines.length === 0 || !lines[0].startsWith("%%") || /^%%\w+\?/.test(lines[0])) return lines;
  const first = lines[0].slice(2).trimEnd();
  const space = first.indexOf(" ");
  const name = space < 0 ? first : first.slice(0, space);
  const args = space < 0 ? "" : first.slice(space + 1);
  const body = lines.slice(1).join("");
  return [
    `get_ipython().run_cell_magic(${pyStrRepr(name)}, ${pyStrRepr(args)}, ${pyStrRepr(body)})\n`,
  ];
}

function lineMagicCall(content: string): string {
  const space = content.indexOf(" ");
  const name = space < 0 ? content : content.slice(0, space);
  const args = space < 0 ? "" : content.slice(space + 1);
  return `get_ipython().run_line_magic(${pyStrRepr(name)}, ${pyStrRepr(args)})`;
}

function helpCall(target: string, escape: "?" | "??"): string {
  if (target === "") return "get_ipython().show_usage()";
  const method = escape === "??" ? "pinfo2" : target.includes("*") ? "psearch" : "pinfo";
  return lineMagicCall(`${method} ${target}`.replace(/^%+/, ""));
}

/** The call an escaped line becomes (IPython's `tr` table), or null when it is not escaped. */
function escapedCall(line: string): string | null {
  if (line.startsWith("!!")) return `get_ipython().getoutput(${pyStrRepr(line.slice(2))})`;
  if (line.startsWith("!")) return `get_ipython().system(${pyStrRepr(line.slice(1))})`;
  if (line.startsWith("??")) return helpCall(line.slice(2), "??");
  if (line.startsWith("?")) return helpCall(line.slice(1), "?");
  if (line.startsWith("%")) return lineMagicCall(line.slice(1));
  return null;
}

const HELP_END = /^(%{0,2}[\p{L}_][\p{L}\p{N}_.*]*(?:\[[^\]]*\])?)(\?\??)$/u;
const MAGIC_ASSIGN = /^([\p{L}_][\p{L}\p{N}_.,\s\[\]]*?)\s*=\s*([%!])(.*)$/su;

/** Transforms one logical line (its text without the final newline). */
function transformLine(text: string): string {
  const indent = /^[ \t]*/.exec(text)![0];
  // a continued escaped line is assembled into one, as IPython does
  const body = text.slice(indent.length).replace(/\\\n/g, " ").replace(/\n/g, " ");
  const call = escapedCall(body);
  if (call !== null) return indent + call;
  const code = stripComment(body).trimEnd();
  const assign = MAGIC_ASSIGN.exec(code);
  if (assign && !/[=<>!]$/.test(assign[1])) {
    const rhs = assign[2] === "%"
      ? lineMagicCall(assign[3])
      : `get_ipython().getoutput(${pyStrRepr(assign[3])})`;
    return `${indent}${assign[1]} = ${rhs}`;
  }
  const help = HELP_END.exec(code);
  if (help) return indent + helpCall(help[1], help[2] as "?" | "??");
  return text;
}

/** Transforms a cell's source as IPython does before it parses it. */
export function transformCell(raw: string): string {
  if (!raw.endsWith("\n")) raw += "\n";
  let lines = raw.split(/(?<=\n)/);
  lines = leadingEmptyLines(lines);
  lines = leadingIndent(lines);
  lines = classicPrompt(lines);
  lines = cellMagic(lines);
  let cell = lines.join("");
  if (!cell.startsWith("get_ipython().run_cell_magic(")) {
    const out: string[] = [];
    for (const l of logicalLines(cell)) out.push(transformLine(l.text));
    cell = out.join("\n");
  }
  return cell.endsWith("\n") ? cell : cell + "\n";
}
