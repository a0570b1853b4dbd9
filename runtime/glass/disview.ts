// `%dis --html`: a code object's listing as a table, with its jumps drawn as arrows in the
// margin (forward jumps on one side of the colour wheel, backward jumps on the other),
// and beside it the tables the instructions index into: co_consts, co_names, the locals
// (co_varnames, cell and free variables) and the exception table. Nested code objects
// follow, each with its own listing, as dis.dis shows them.

import {
  type DisCode,
  type DisOptions,
  getInstructions,
  type Instruction,
} from "../compiler/dis.ts";
import { hasjrel } from "../compiler/opcode.ts";
import { parseExceptionTable } from "../compiler/linetable.ts";
import { escapeHtml, htmlTable } from "./html.ts";

/** A code object to show: its dis record, its title, and its locals' kinds. */
export interface DisSection<C> {
  title: string;
  code: DisCode<C>;
  /** Kind of each of co_localsplusnames: "local", "cell", "free" (or a mix) */
  kinds: string[];
}

const ROW = 18; // pixels per listing row
const LANE = 9; // pixels between arrow lanes

interface Jump {
  from: number;
  to: number;
  lane: number;
}

/** The jumps of a listing by row, each given a lane so that overlapping arrows part. */
function jumps(rows: Instruction[]): Jump[] {
  const rowOf = new Map<number, number>();
  rows.forEach((r, i) => {
    if (r.opname !== "CACHE") rowOf.set(r.offset, i);
  });
  const out: Jump[] = [];
  rows.forEach((r, i) => {
    if (!hasjrel.has(r.opcode) || typeof r.argval !== "number") return;
    const to = rowOf.get(r.argval);
    if (to !== undefined) out.push({ from: i, to, lane: 0 });
  });
  // shorter spans nearer the listing
  out.sort((a, b) => Math.abs(a.to - a.from) - Math.abs(b.to - b.from));
  const placed: Jump[] = [];
  for (const j of out) {
    const lo = Math.min(j.from, j.to);
    const hi = Math.max(j.from, j.to);
    let lane = 0;
    while (
      placed.some((p) =>
        p.lane === lane && Math.min(p.from, p.to) <= hi && lo <= Math.max(p.from, p.to)
      )
    ) lane++;
    j.lane = lane;
    placed.push(j);
  }
  return placed;
}

function arrowsSvg(rows: Instruction[], js: Jump[]): string {
  const lanes = js.reduce((n, j) => Math.max(n, j.lane + 1), 0);
  const width = 12 + lanes * LANE;
  const height = (rows.length + 1) * ROW;
  const y = (row: number) => (row + 1) * ROW + ROW / 2; // below the header row
  const paths = js.map((j) => {
    const x = width - 4 - (j.lane + 1) * LANE;
    const colour = j.to > j.from ? "#2b6cb0" : "#c05621";
    return `<path d="M ${width - 2} ${y(j.from)} H ${x} V ${y(j.to)} H ${width - 6}" ` +
      `fill="none" stroke="${colour}" stroke-width="1.3" marker-end="url(#head)"/>`;
  }).join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
    `style="flex:none"><defs><marker id="head" markerWidth="6" markerHeight="6" refX="5" ` +
    `refY="3" orient="auto"><path d="M0,0 L6,3 L0,6 z" fill="#555"/></marker></defs>` +
    `${paths}</svg>`;
}

const TD = `style="padding:0 6px;height:${ROW}px;line-height:${ROW}px;white-space:nowrap"`;
const TDR =
  `style="padding:0 6px;height:${ROW}px;line-height:${ROW}px;white-space:nowrap;text-align:right"`;

function listingHtml(rows: Instruction[]): string {
  const head = ["line", "offset", "", "instruction", "arg", "meaning"]
    .map((h) => `<th ${TD} align="left">${h}</th>`).join("");
  const body = rows.map((r) => {
    const target = r.is_jump_target ? "&gt;&gt;" : "";
    const style = r.opname === "CACHE" ? ' style="color:#999"' : "";
    return `<tr${style}><td ${TDR}>${r.starts_line ?? ""}</td><td ${TDR}>${r.offset}</td>` +
      `<td ${TD}>${target}</td><td ${TD}><b>${escapeHtml(r.opname)}</b></td>` +
      `<td ${TDR}>${r.arg ?? ""}</td><td ${TD}>${escapeHtml(r.argrepr)}</td></tr>`;
  }).join("");
  return `<table style="border-collapse:collapse;font-family:monospace;font-size:12px">` +
    `<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function sideTables<C>(s: DisSection<C>, options: DisOptions<C>): string {
  const co = s.code;
  const consts = co.consts ?? [];
  const names = co.names ?? [];
  const locals = co.localsplusnames ?? [];
  const parts: string[] = [];
  parts.push(
    htmlTable("co_consts", ["#", "value"], consts.map((c, i) => [i, options.reprConst(c)])),
  );
  if (names.length > 0) {
    parts.push(htmlTable("co_names", ["#", "name"], names.map((n, i) => [i, n])));
  }
  if (locals.length > 0) {
    parts.push(
      htmlTable(
        "locals (co_varnames, cells, free)",
        ["#", "name", "kind"],
        locals.map((n, i) => [i, n, s.kinds[i] ?? ""]),
      ),
    );
  }
  const table = parseExceptionTable(co.exceptiontable);
  if (table.length > 0) {
    parts.push(
      htmlTable(
        "exception table",
        ["from", "to", "target", "depth", "lasti"],
        table.map((e) => [e.start, e.end, e.target, e.depth, e.lasti ? "yes" : "no"]),
      ),
    );
  }
  return `<div style="display:flex;flex-direction:column;gap:10px">${parts.join("")}</div>`;
}

/** One code object's listing with its arrows, and its tables beside it. */
export function disSectionHtml<C>(s: DisSection<C>, options: DisOptions<C>): string {
  const rows = getInstructions(s.code, options);
  const js = jumps(rows);
  return `<div style="margin-bottom:14px"><div style="font-family:monospace;font-weight:bold">` +
    `${escapeHtml(s.title)}</div><div style="display:flex;gap:24px;align-items:flex-start">` +
    `<div style="display:flex">${arrowsSvg(rows, js)}${listingHtml(rows)}</div>` +
    `${sideTables(s, options)}</div></div>`;
}

/** Every section as HTML, one after another. */
export function disHtml<C>(sections: DisSection<C>[], options: DisOptions<C>): string {
  return `<div>${sections.map((s) => disSectionHtml(s, options)).join("")}</div>`;
}

/**
 * A code object and the code objects among its constants, depth first, as dis.dis walks
 * them; `titleOf` names a nested one (dis says "Disassembly of <code object ...>").
 */
export function disSections<C>(
  title: string,
  code: DisCode<C>,
  kinds: (code: DisCode<C>) => string[],
  options: DisOptions<C>,
): DisSection<C>[] {
  const out: DisSection<C>[] = [{ title, code, kinds: kinds(code) }];
  for (const c of code.consts ?? []) {
    const sub = options.asCode(c);
    if (sub !== null) {
      out.push(...disSections(`Disassembly of ${options.reprConst(c)}:`, sub, kinds, options));
    }
  }
  return out;
}
