// The heap as it stands: the memory layers of CPython's allocator, read from glasspy's
// model of them. Layer +3 is the types' own free lists (floats, lists, dicts, tuples by
// length: freed objects kept for reuse), +2 is obmalloc (arenas of 1 MiB carved into
// pools of 16 KiB, each pool serving one size class), +1 the raw allocator that takes the
// requests above 512 bytes. The same walk gives the figures sys._debugmallocstats()
// prints, in its layout.

import {
  addressOf,
  ALIGNMENT,
  ARENA_SIZE,
  NB_SMALL_SIZE_CLASSES,
  type Obmalloc,
  obmalloc,
  POOL_OVERHEAD,
  POOL_SIZE,
} from "../memory/obmalloc.ts";
import { dictFreeListCounts } from "../objects/dictobject.ts";
import { floatFreeListCount } from "../objects/floatobject.ts";
import { listFreeListCount } from "../objects/listobject.ts";
import { tupleFreeListCounts } from "../objects/tupleobject.ts";

const POOL_UNITS = POOL_SIZE / ALIGNMENT;
const ARENA_UNITS = ARENA_SIZE / ALIGNMENT;

/** One type's free list (layer +3). */
export interface FreeList {
  /** What CPython's _debugmallocstats calls the blocks: `free PyFloatObject` */
  name: string;
  type: string;
  /** For tuples, the length the list serves */
  length?: number;
  count: number;
  /** Bytes of each free object */
  size: number;
}

/** One pool of an arena (layer +2). */
export interface PoolView {
  address: number;
  /** "used" (it has blocks in use), "free" (emptied, back in the arena's free pools) */
  state: "used" | "free";
  /** The size class index, or -1 for a free pool */
  sizeClass: number;
  /** Bytes per block (0 for a free pool) */
  blockSize: number;
  /** Blocks in use */
  used: number;
  /** Blocks the pool has room for */
  capacity: number;
}

/** One arena (layer +2): its pools in address order; pools not yet carved are left out. */
export interface ArenaView {
  index: number;
  address: number;
  /** Pools carved out of the arena so far (used and free) */
  pools: PoolView[];
  /** Pools the arena holds in all */
  totalPools: number;
  /** Pools free for reuse: emptied ones and those never carved */
  freePools: number;
}

/** One size class's totals, a row of _debugmallocstats' table. */
export interface SizeClassView {
  sizeClass: number;
  blockSize: number;
  pools: number;
  blocksInUse: number;
  availableBlocks: number;
}

/** The raw allocations (layer +1). */
export interface RawView {
  blocks: number;
  /** Bytes handed out, chunk headers and rounding included */
  bytes: number;
  /** Blocks by size band: [upper bound in bytes, blocks, bytes] */
  bands: [number, number, number][];
}

/** The heap map: every layer, and the allocator's counters. */
export interface HeapView {
  freeLists: FreeList[];
  arenas: ArenaView[];
  sizeClasses: SizeClassView[];
  raw: RawView;
  counters: {
    arenasAllocatedTotal: number;
    arenasReclaimed: number;
    arenasHighwater: number;
    arenasAllocatedCurrent: number;
  };
  /** How the arenas' bytes are used, as _debugmallocstats accounts them */
  bytes: {
    inAllocatedBlocks: number;
    inAvailableBlocks: number;
    unusedPools: number;
    poolHeaders: number;
    quantization: number;
    arenaAlignment: number;
    total: number;
  };
}

/** Blocks a pool of a size class holds. */
export function blocksPerPool(sizeClass: number): number {
  return Math.floor((POOL_SIZE - POOL_OVERHEAD) / ((sizeClass + 1) * ALIGNMENT));
}

function freeLists(): FreeList[] {
  const out: FreeList[] = [];
  out.push({ name: "free PyDictObject", type: "dict", count: dictFreeListCounts()[0], size: 48 });
  out.push({ name: "free PyFloatObject", type: "float", count: floatFreeListCount(), size: 24 });
  out.push({ name: "free PyListObject", type: "list", count: listFreeListCount(), size: 40 });
  tupleFreeListCounts().forEach((count, i) => {
    const length = i + 1;
    out.push({
      name: `free ${length}-sized PyTupleObject`,
      type: "tuple",
      length,
      count,
      size: 24 + 8 * length,
    });
  });
  return out;
}

const BANDS = [1024, 4096, 16384, 65536, 262144, 1048576, Infinity];

function rawView(m: Obmalloc): RawView {
  const bands: [number, number, number][] = BANDS.map((b) => [b, 0, 0]);
  let blocks = 0;
  let bytes = 0;
  for (const [, size] of m.rawBlocks()) {
    blocks++;
    bytes += size;
    const band = bands.find(([b]) => size <= b)!;
    band[1]++;
    band[2] += size;
  }
  return { blocks, bytes, bands: bands.filter(([, n]) => n > 0) };
}

/** The heap map of an allocator (by default the running interpreter's). */
export function heapView(m: Obmalloc = obmalloc): HeapView {
  const arenas: ArenaView[] = [];
  const classes: SizeClassView[] = [];
  for (let i = 0; i < NB_SMALL_SIZE_CLASSES; i++) {
    classes.push({
      sizeClass: i,
      blockSize: (i + 1) * ALIGNMENT,
      pools: 0,
      blocksInUse: 0,
      availableBlocks: 0,
    });
  }
  let freePools = 0;
  for (const arena of m.arenas) {
    if (arena.unit < 0) continue;
    freePools += arena.nfreepools;
    const pools: PoolView[] = [];
    for (let u = arena.firstPool; u < arena.poolUnit; u += POOL_UNITS) {
      const pool = m.poolAt(u);
      const address = addressOf(u);
      if (pool === undefined || pool.count === 0 || pool.szidx < 0) {
        pools.push({ address, state: "free", sizeClass: -1, blockSize: 0, used: 0, capacity: 0 });
        continue;
      }
      const c = classes[pool.szidx];
      const capacity = blocksPerPool(pool.szidx);
      c.pools++;
      c.blocksInUse += pool.count;
      c.availableBlocks += capacity - pool.count;
      pools.push({
        address,
        state: "used",
        sizeClass: pool.szidx,
        blockSize: c.blockSize,
        used: pool.count,
        capacity,
      });
    }
    arenas.push({
      index: arena.index,
      address: addressOf(arena.unit),
      pools,
      totalPools: arena.ntotalpools,
      freePools: arena.nfreepools,
    });
  }
  const used = classes.filter((c) => c.pools > 0);
  const inAllocatedBlocks = used.reduce((n, c) => n + c.blocksInUse * c.blockSize, 0);
  const inAvailableBlocks = used.reduce((n, c) => n + c.availableBlocks * c.blockSize, 0);
  const poolHeaders = used.reduce((n, c) => n + c.pools * POOL_OVERHEAD, 0);
  const quantization = used.reduce(
    (n, c) => n + c.pools * ((POOL_SIZE - POOL_OVERHEAD) % c.blockSize),
    0,
  );
  // an arena that does not start on a pool boundary gives up one pool
  const arenaAlignment = arenas.reduce(
    (n, a) => n + (ARENA_UNITS / POOL_UNITS - a.totalPools) * POOL_SIZE,
    0,
  );
  const unusedPools = freePools * POOL_SIZE;
  const s = m.stats;
  return {
    freeLists: freeLists(),
    arenas,
    sizeClasses: used,
    raw: rawView(m),
    counters: {
      arenasAllocatedTotal: s.ntimesArenaAllocated,
      arenasReclaimed: s.ntimesArenaAllocated - arenas.length,
      arenasHighwater: s.narenasHighwater,
      arenasAllocatedCurrent: arenas.length,
    },
    bytes: {
      inAllocatedBlocks,
      inAvailableBlocks,
      unusedPools,
      poolHeaders,
      quantization,
      arenaAlignment,
      total: inAllocatedBlocks + inAvailableBlocks + unusedPools + poolHeaders + quantization +
        arenaAlignment,
    },
  };
}

/** A figure line of _debugmallocstats: the label padded to 35 columns, the value to 21. */
function figure(label: string, value: number): string {
  return `${label.padEnd(35)}=${value.toLocaleString("en-US").padStart(21)}`;
}

/**
 * The text sys._debugmallocstats() writes to stderr for this heap, in CPython 3.11's
 * layout: the size classes, the arena counters, how the arenas' bytes are used, the
 * radix tree's nodes, and the free lists.
 */
export function debugMallocStatsText(h: HeapView): string {
  const lines: string[] = [];
  lines.push(
    `Small block threshold = ${
      NB_SMALL_SIZE_CLASSES * ALIGNMENT
    }, in ${NB_SMALL_SIZE_CLASSES} size classes.`,
  );
  lines.push("");
  lines.push("class   size   num pools   blocks in use  avail blocks");
  lines.push("-----   ----   ---------   -------------  ------------");
  for (const c of h.sizeClasses) {
    lines.push(
      `${String(c.sizeClass).padStart(5)} ${String(c.blockSize).padStart(6)} ${
        String(c.pools).padStart(11)
      } ${String(c.blocksInUse).padStart(15)} ${String(c.availableBlocks).padStart(13)}`,
    );
  }
  lines.push("");
  const k = h.counters;
  lines.push(figure("# arenas allocated total", k.arenasAllocatedTotal));
  lines.push(figure("# arenas reclaimed", k.arenasReclaimed));
  lines.push(figure("# arenas highwater mark", k.arenasHighwater));
  lines.push(figure("# arenas allocated current", k.arenasAllocatedCurrent));
  lines.push(
    figure(
      `${k.arenasAllocatedCurrent} arenas * ${ARENA_SIZE} bytes/arena`,
      k.arenasAllocatedCurrent * ARENA_SIZE,
    ),
  );
  lines.push("");
  const b = h.bytes;
  lines.push(figure("# bytes in allocated blocks", b.inAllocatedBlocks));
  lines.push(figure("# bytes in available blocks", b.inAvailableBlocks));
  lines.push(
    figure(`${b.unusedPools / POOL_SIZE} unused pools * ${POOL_SIZE} bytes`, b.unusedPools),
  );
  lines.push(figure("# bytes lost to pool headers", b.poolHeaders));
  lines.push(figure("# bytes lost to quantization", b.quantization));
  lines.push(figure("# bytes lost to arena alignment", b.arenaAlignment));
  lines.push(figure("Total", b.total));
  lines.push("");
  // The radix tree over 64-bit addresses: a root of 2^15 pointers, mid nodes of 2^15
  // pointers, bottom nodes of 2^14 arena records (8 bytes each). Every address the model
  // maps lies under one mid and one bottom node.
  const nodes = k.arenasAllocatedTotal > 0 ? 1 : 0;
  lines.push("arena map counts");
  lines.push(figure("# arena map mid nodes", nodes));
  lines.push(figure("# arena map bot nodes", nodes));
  lines.push("");
  lines.push(figure("# bytes lost to arena map root", 262144));
  lines.push(figure("# bytes lost to arena map mid", 262144 * nodes));
  lines.push(figure("# bytes lost to arena map bot", 131072 * nodes));
  lines.push(figure("Total", 262144 + 393216 * nodes));
  lines.push("");
  for (const f of h.freeLists) {
    const label = `${f.count} ${f.name}s * ${f.size} bytes each`;
    lines.push(figure(`${label.padStart(48)} `, f.count * f.size));
  }
  return lines.join("\n") + "\n";
}
