// is_complete_request: whether a cell is ready to run, as IPython's
// TransformerManager.check_complete decides it — cheap checks on the text first (a
// trailing backslash, an open bracket or string, a line ending in ':'), then the real
// compiler through codeop.compile_command's rule.

import type { Engine } from "./engine.ts";
import { logicalLines, stripComment, unterminated } from "./scan.ts";
import { transformCell } from "./transform.ts";

export interface IsComplete {
  status: "complete" | "incomplete" | "invalid";
  /** For "incomplete": the indentation the next line should get */
  indent?: string;
}

function lastIndent(lines: string[]): number {
  const m = /^[ \t]*/.exec(lines[lines.length - 1] ?? "")!;
  return m[0].replace(/\t/g, "    ").length;
}

function incomplete(spaces: number): IsComplete {
  return { status: "incomplete", indent: " ".repeat(spaces) };
}

/** More closing than opening brackets at some point of a line (IPython's has_sunken_brackets). */
function hasSunkenBrackets(line: string): boolean {
  let depth = 0;
  const code = stripComment(line).replace(/("""|'''|"|')(?:\\.|(?!\1)[\s\S])*\1/g, "");
  for (const c of code) {
    if ("([{".includes(c)) depth++;
    else if (")]}".includes(c)) depth--;
    if (depth < 0) return true;
  }
  return false;
}

export function isComplete(engine: Engine, cell: string): IsComplete {
  const endsWithNewline = /\n[ \t\r\f\v]*$/.test(cell);
  if (!endsWithNewline) cell += "\n";
  let lines = cell.split(/(?<=\n)/).filter((l) => l !== "");
  if (lines.length === 0) return { status: "complete" };
  if (lines[lines.length - 1].replace(/\n$/, "").endsWith("\\")) {
    return incomplete(lastIndent(lines));
  }
  // the cleanup IPython applies first: leading blank lines, a common indent
  while (lines.length && lines[0].trim() === "") lines.shift();
  if (lines.length === 0) return { status: "complete" };
  const indent = /^[ \t]+/.exec(lines[0])?.[0];
  if (indent) lines = lines.map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l));
  if (lines[0].startsWith("%%")) {
    return lines[lines.length - 1].trim() !== ""
      ? incomplete(lastIndent(lines))
      : { status: "complete" };
  }
  const source = transformCell(lines.join("")).replace(/\n$/, "");
  const logical = logicalLines(source + "\n").filter((l) => stripComment(l.text).trim() !== "");
  if (logical.length === 0) {
    // only comments: codeop compiles such a cell as `pass`
    return { status: "complete" };
  }
  if (lines.length === 1 && hasSunkenBrackets(lines[0])) return { status: "invalid" };
  const last = logical[logical.length - 1];
  if (unterminated(source)) return incomplete(lastIndent(lines));
  const code = stripComment(last.text).trimEnd();
  if (code === "") return incomplete(lastIndent(lines));
  if (code.endsWith(":")) {
    const lead = /^[ \t]*/.exec(last.text)![0].replace(/\t/g, "    ").length;
    return incomplete(lead + 4);
  }
  const verdict = engine.compileCommand(source + "\n");
  if (verdict === "invalid") return { status: "invalid" };
  if (verdict === "incomplete") return incomplete(lastIndent(lines));
  // the cell ends inside an indented block: a final newline completes it
  const firstLine = last.text.split("\n")[0];
  if (/^[ \t]+\S/.test(firstLine) && !endsWithNewline) return incomplete(lastIndent(lines));
  return { status: "complete" };
}
