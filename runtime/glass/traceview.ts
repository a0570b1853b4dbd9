// `%%trace` as the notebook shows it: each page of rows as an HTML table inside a
// <details> block (the first pages open, later ones folded; no script needed) and as text,
// then a closing line with the count.

import type { TraceRow, TraceValue } from "./tracer.ts";
import { escapeHtml } from "./html.ts";

/** A stack slot or local as text: `int 3 (refcnt 2)`, `list at 0x7f... (refcnt 1)`, `NULL`. */
export function traceValueText(v: TraceValue): string {
  if (v.type === "NULL") return "NULL";
  const what = v.value !== null
    ? (v.type === "str" || v.type === "int" || v.type === "float" || v.type === "bool" ||
        v.type === "NoneType"
      ? v.value
      : `${v.type} ${v.value}`)
    : `${v.type} at ${v.address}`;
  return v.refcount === null ? what : `${what} (refcnt ${v.refcount})`;
}

function stackText(r: TraceRow): string {
  if (r.stack === null) return r.noStack === "pending" ? "(in a call)" : "(frame left)";
  return `[${r.stack.map(traceValueText).join(", ")}]`;
}

function argText(r: TraceRow): string {
  if (r.arg === null) return "";
  return r.argrepr === "" ? String(r.arg) : `${r.arg} (${r.argrepr})`;
}

/** A page of rows as text: step, code, offset, instruction, line, stack after. */
export function tracePageText(rows: TraceRow[]): string {
  const lines: string[] = [];
  let lastLine: string | null = null;
  for (const r of rows) {
    const where = `${r.code}:${r.line ?? "?"}`;
    if (r.source !== null && where !== lastLine) lines.push(`        ${where}  ${r.source.trim()}`);
    lastLine = where;
    const indent = "  ".repeat(Math.min(r.depth, 10));
    lines.push(
      `${String(r.step).padStart(6)}  ${indent}${r.code} ${String(r.offset).padStart(4)} ${
        r.opname.padEnd(26)
      }${argText(r).padEnd(22)} ${stackText(r)}`.trimEnd(),
    );
    if (r.locals !== undefined && r.locals.length > 0) {
      lines.push(
        `${" ".repeat(8)}${indent}locals: ${
          r.locals.map(([n, v]) => `${n}=${traceValueText(v)}`).join(", ")
        }`,
      );
    }
  }
  return lines.join("\n");
}

const CELL = 'style="padding:0 6px;text-align:left;vertical-align:top;white-space:nowrap"';
const NUM = 'style="padding:0 6px;text-align:right;vertical-align:top"';
const HEAD = 'style="padding:0 6px;text-align:left;border-bottom:1px solid #999"';

function valueHtml(v: TraceValue): string {
  const title = v.address === null ? "" : ` title="${escapeHtml(`${v.type} at ${v.address}`)}"`;
  const rc = v.refcount === null ? "" : `<sub style="color:#a33">${v.refcount}</sub>`;
  const label = v.type === "NULL"
    ? "NULL"
    : v.value !== null
    ? escapeHtml(traceValueText({ ...v, refcount: null }))
    : `${escapeHtml(v.type)}`;
  return `<span${title} style="border:1px solid #bbb;border-radius:3px;padding:0 3px;margin-right:2px;background:#f6f8fa">${label}${rc}</span>`;
}

function stackHtml(r: TraceRow): string {
  if (r.stack === null) {
    return `<i style="color:#888">${r.noStack === "pending" ? "in a call" : "frame left"}</i>`;
  }
  return r.stack.map(valueHtml).join("");
}

/** A page of rows as an HTML table in a <details> block; `open` unfolds it. */
export function tracePageHtml(rows: TraceRow[], first: number, open: boolean): string {
  const last = first + rows.length - 1;
  let lastWhere = "";
  const body = rows.map((r) => {
    // the source text where the line changes
    const where = `${r.code}:${r.line}`;
    const source = where === lastWhere ? null : r.source;
    lastWhere = where;
    const locals = r.locals === undefined
      ? ""
      : `<td ${CELL}>${
        r.locals.map(([n, v]) => `${escapeHtml(n)}=${valueHtml(v)}`).join(" ")
      }</td>`;
    return `<tr><td ${NUM}>${r.step}</td>` +
      `<td ${CELL}><span style="padding-left:${Math.min(r.depth, 10) * 10}px">${
        escapeHtml(r.code)
      }</span></td>` +
      `<td ${NUM}>${r.offset}</td><td ${CELL}><b>${escapeHtml(r.opname)}</b></td>` +
      `<td ${CELL}>${escapeHtml(argText(r))}</td>` +
      `<td ${CELL} title="${escapeHtml(r.source ?? "")}">${r.line ?? ""}${
        source === null ? "" : ` <code>${escapeHtml(source.trim())}</code>`
      }</td><td ${CELL}>${stackHtml(r)}</td>${locals}</tr>`;
  }).join("");
  const head = ["#", "code", "offset", "instruction", "argument", "line", "stack after"];
  if (rows.some((r) => r.locals !== undefined)) head.push("locals");
  return `<details${open ? " open" : ""}><summary style="font-family:monospace">` +
    `instructions ${first.toLocaleString("en-US")}\u2013${last.toLocaleString("en-US")}` +
    `</summary><table style="border-collapse:collapse;font-family:monospace;font-size:12px">` +
    `<thead><tr>${head.map((h) => `<th ${HEAD}>${h}</th>`).join("")}</tr></thead>` +
    `<tbody>${body}</tbody></table></details>`;
}
