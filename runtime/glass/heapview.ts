// `%heap` as the notebook shows it: the arenas drawn as rows of pools (an SVG map, each
// pool coloured by its size class and filled as far as its blocks are in use), the free
// lists, the size classes and the raw allocations as tables, and sys._debugmallocstats'
// text beside them.

import { debugMallocStatsText, type HeapView, type PoolView } from "./heapmap.ts";
import { escapeHtml, htmlTable, textTable } from "./html.ts";

const CELL = 15; // pixels per pool, gap included
const SIDE = 8; // an arena of 64 pools drawn as 8 rows of 8
const ARENA_W = SIDE * CELL + 24; // an arena's square and the gap to the next
const ARENA_H = SIDE * CELL + 30; // its label, its square and the gap below
const PER_ROW = 6;

/** The colour of a size class: hues spread by the golden angle, so neighbours differ. */
export function sizeClassColour(sizeClass: number): string {
  return `hsl(${Math.round((sizeClass * 137.508) % 360)},62%,48%)`;
}

const hex = (a: number) => `0x${a.toString(16)}`;

function poolSvg(p: PoolView, x: number, y: number): string {
  const s = CELL - 2;
  if (p.state === "free") {
    return `<rect x="${x}" y="${y}" width="${s}" height="${s}" fill="#ffffff" stroke="#bbbbbb">` +
      `<title>pool ${hex(p.address)}: free</title></rect>`;
  }
  const colour = sizeClassColour(p.sizeClass);
  const h = Math.max(1, Math.round((s * p.used) / p.capacity));
  return `<g><title>pool ${hex(p.address)}: size class ${p.sizeClass} (${p.blockSize} bytes), ` +
    `${p.used} of ${p.capacity} blocks in use</title>` +
    `<rect x="${x}" y="${y}" width="${s}" height="${s}" fill="#f2f2f2" stroke="${colour}"/>` +
    `<rect x="${x}" y="${y + s - h}" width="${s}" height="${h}" fill="${colour}"/></g>`;
}

/**
 * The arenas as an SVG picture: each arena a square of 8 by 8 pools in address order, a
 * pool coloured by its size class and filled from the bottom as far as its blocks are in
 * use; then a legend of the size classes.
 */
export function heapSvg(h: HeapView): string {
  const cols = Math.max(1, Math.min(PER_ROW, h.arenas.length));
  const width = Math.max(cols * ARENA_W, 4 * 130);
  const parts: string[] = [];
  parts.push(
    `<text x="0" y="12" font-weight="bold">${h.arenas.length} arena${
      h.arenas.length === 1 ? "" : "s"
    } of 1 MiB, pools of 16 KiB</text>`,
  );
  const top = 20;
  h.arenas.forEach((a, n) => {
    const ax = (n % cols) * ARENA_W;
    const ay = top + Math.floor(n / cols) * ARENA_H;
    parts.push(`<text x="${ax}" y="${ay + 10}">${hex(a.address)}</text>`);
    for (let i = 0; i < a.totalPools; i++) {
      const x = ax + (i % SIDE) * CELL;
      const y = ay + 14 + Math.floor(i / SIDE) * CELL;
      if (i < a.pools.length) parts.push(poolSvg(a.pools[i], x, y));
      else {
        parts.push(
          `<rect x="${x}" y="${y}" width="${CELL - 2}" height="${CELL - 2}" fill="#f4f4f4"/>`,
        );
      }
    }
  });
  let y = top + Math.ceil(h.arenas.length / cols) * ARENA_H;
  const perRow = Math.max(1, Math.floor(width / 130));
  h.sizeClasses.forEach((c, i) => {
    const x = (i % perRow) * 130;
    const ly = y + Math.floor(i / perRow) * 16;
    parts.push(
      `<rect x="${x}" y="${ly}" width="10" height="10" fill="${sizeClassColour(c.sizeClass)}"/>`,
    );
    parts.push(`<text x="${x + 14}" y="${ly + 9}">class ${c.sizeClass}: ${c.blockSize} B</text>`);
  });
  y += Math.ceil(h.sizeClasses.length / perRow) * 16;
  const legend = [
    [`<rect x="0" y="${y}" width="10" height="10" fill="#ffffff" stroke="#bbbbbb"/>`, "free pool"],
    [`<rect x="130" y="${y}" width="10" height="10" fill="#f4f4f4"/>`, "not carved yet"],
  ];
  legend.forEach(([shape, label], i) => {
    parts.push(shape);
    parts.push(`<text x="${i * 130 + 14}" y="${y + 9}">${label}</text>`);
  });
  y += 16;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y}" ` +
    `viewBox="0 0 ${width} ${y}" font-family="monospace" font-size="10">` +
    parts.join("") + `</svg>`;
}

const kib = (b: number) => `${(b / 1024).toFixed(1)} KiB`;

function freeListRows(h: HeapView): (string | number)[][] {
  return h.freeLists
    .filter((f) => f.count > 0 || f.type !== "tuple")
    .map((f) => [f.length === undefined ? f.type : `tuple (${f.length})`, f.count, f.size]);
}

function rawRows(h: HeapView): (string | number)[][] {
  return h.raw.bands.map(([band, n, bytes]) => [
    band === Infinity ? "above 1 MiB" : `up to ${kib(band)}`,
    n,
    bytes,
  ]);
}

const FREE_HEAD = ["free list", "objects", "bytes each"];
const RAW_HEAD = ["raw blocks", "blocks", "bytes"];

/** The summary line of each layer. */
function layers(h: HeapView): string[] {
  const free = h.freeLists.reduce((n, f) => n + f.count, 0);
  const pools = h.arenas.reduce((n, a) => n + a.pools.filter((p) => p.state === "used").length, 0);
  return [
    `+3 free lists: ${free} objects kept for reuse`,
    `+2 obmalloc: ${h.arenas.length} arenas, ${pools} pools in use, ${
      h.bytes.inAllocatedBlocks.toLocaleString("en-US")
    } bytes in allocated blocks`,
    `+1 raw: ${h.raw.blocks} blocks, ${h.raw.bytes.toLocaleString("en-US")} bytes`,
  ];
}

/** The MIME bundle `%heap` shows: the map and tables as HTML, the SVG, text and JSON. */
export function heapBundle(h: HeapView): { [mime: string]: unknown } {
  const svg = heapSvg(h);
  const stats = debugMallocStatsText(h);
  const text = [
    ...layers(h),
    "",
    textTable(FREE_HEAD, freeListRows(h)),
    "",
    textTable(RAW_HEAD, rawRows(h)),
    "",
    "sys._debugmallocstats():",
    stats,
  ].join("\n");
  const left = [
    `<div style="font-family:monospace;font-size:12px">${
      layers(h).map(escapeHtml).join("<br>")
    }</div>`,
    svg,
    `<div style="display:flex;gap:24px;align-items:flex-start">`,
    htmlTable("+3 free lists", FREE_HEAD, freeListRows(h)),
    htmlTable("+1 raw allocations", RAW_HEAD, rawRows(h)),
    `</div>`,
  ].join("");
  const html = `<div style="display:flex;gap:24px;align-items:flex-start">` +
    `<div>${left}</div>` +
    `<div><div style="font-weight:bold;font-family:monospace;font-size:12px">` +
    `sys._debugmallocstats()</div>` +
    `<pre style="font-size:11px;margin:0">${escapeHtml(stats)}</pre></div></div>`;
  return {
    "text/plain": text,
    "text/html": html,
    "image/svg+xml": svg,
    "application/json": h,
  };
}
