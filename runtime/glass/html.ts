// HTML for the glass views: escaping, and tables as the notebook shows them (plain
// markup with inline styles, no script: a trusted and an untrusted notebook both show it).

/** Text made safe inside HTML elements and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A cell: text (escaped here) or markup given as `{ html }`. */
export type Cell = string | number | { html: string };

function cellHtml(c: Cell): string {
  if (typeof c === "number") return c.toLocaleString("en-US");
  if (typeof c === "string") return escapeHtml(c);
  return c.html;
}

const TABLE = 'style="border-collapse:collapse;font-family:monospace;font-size:12px"';
const TH = 'style="text-align:left;padding:1px 8px;border-bottom:1px solid #999"';
const TD = 'style="text-align:left;padding:1px 8px;vertical-align:top"';
const NUM = 'style="text-align:right;padding:1px 8px;vertical-align:top"';

/** A table: a caption, a header row, the rows; numbers are right-aligned. */
export function htmlTable(caption: string | null, header: string[], rows: Cell[][]): string {
  const cap = caption === null
    ? ""
    : `<caption style="text-align:left;font-weight:bold">${escapeHtml(caption)}</caption>`;
  const head = header.length === 0
    ? ""
    : `<thead><tr>${header.map((h) => `<th ${TH}>${escapeHtml(h)}</th>`).join("")}</tr></thead>`;
  const body = rows.map((r) =>
    `<tr>${
      r.map((c) => `<td ${typeof c === "number" ? NUM : TD}>${cellHtml(c)}</td>`).join("")
    }</tr>`
  ).join("");
  return `<table ${TABLE}>${cap}${head}<tbody>${body}</tbody></table>`;
}

/** A table as text: columns padded to their widest cell, numbers right-aligned. */
export function textTable(header: string[], rows: Cell[][]): string {
  const text = (c: Cell) =>
    typeof c === "number"
      ? c.toLocaleString("en-US")
      : typeof c === "string"
      ? c
      : c.html.replace(/<[^>]*>/g, "");
  const all = [header, ...rows.map((r) => r.map(text))].filter((r) => r.length > 0);
  const widths: number[] = [];
  for (const r of all) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, [...c].length)));
  const numeric = rows.length > 0 ? rows[0].map((c) => typeof c === "number") : [];
  return all.map((r) =>
    r.map((c, i) => numeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i])).join("  ")
      .trimEnd()
  ).join("\n");
}
