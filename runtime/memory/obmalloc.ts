// A model of CPython 3.11's small-object allocator (Objects/obmalloc.c) on 64-bit Linux:
// 32 size classes of 16 bytes, pools of 16 KiB with a 48-byte header, arenas of 1 MiB,
// `usedpools` rings, per-arena free pools, and the `usable_arenas` list kept sorted by
// number of free pools. Requests above 512 bytes go to a modelled `malloc`.
//
// Nothing is stored here: only addresses are handed out, so that every object gets an
// `id()` as CPython would give it, and freed blocks come back first. Addresses are kept
// as "units" of 16 bytes above HEAP_BASE, small enough to stay V8 small integers inside
// objects; `addressOf(unit)` turns one back into the number `id()` prints.

/** Bytes per unit: obmalloc's alignment (ALIGNMENT_SHIFT 4). */
export const ALIGNMENT = 16;
export const SMALL_REQUEST_THRESHOLD = 512;
export const NB_SMALL_SIZE_CLASSES = SMALL_REQUEST_THRESHOLD / ALIGNMENT;
export const POOL_SIZE = 16384;
export const ARENA_SIZE = 1 << 20;
/** sizeof(struct pool_header), rounded up to the alignment. */
export const POOL_OVERHEAD = 48;

const POOL_UNITS = POOL_SIZE / ALIGNMENT; // 1024
/** A unit's offset in its pool is `unit & POOL_MASK`: pools start on 16 KiB boundaries. */
const POOL_MASK = POOL_UNITS - 1;
const ARENA_UNITS = ARENA_SIZE / ALIGNMENT; // 65536
const OVERHEAD_UNITS = POOL_OVERHEAD / ALIGNMENT; // 3

/**
 * The modelled address space: HEAP_BASE is unit 0. Arenas are "mmapped" downward from
 * the top as Linux places anonymous mappings; large blocks ("malloc") grow upward from
 * just above static data; statically allocated objects (types, small ints, None...) sit
 * at the bottom, as CPython's live in the executable's data segment.
 */
export const HEAP_BASE = 0x7f0000000000 - 0x400000000; // 16 GiB window below 0x7f0000000000
const TOTAL_UNITS = 1 << 30; // 16 GiB / ALIGNMENT (a small integer: see Obmalloc.mmapTop)
const STATIC_UNITS = 0x1000000 / ALIGNMENT; // 16 MiB of static data
const MALLOC_BASE_UNITS = STATIC_UNITS + 0x1000 / ALIGNMENT;
/**
 * Where the arena mappings start below the top, in units: mmap aligns them on 4 KiB pages,
 * not on 16 KiB pools, so an arena usually starts inside a pool and gives up one pool to
 * alignment, as new_arena does (CPython 3.11 on Linux reports 16,384 "bytes lost to arena
 * alignment" for most arenas). 8 KiB past a pool boundary, as one run measured.
 */
const ARENA_MISALIGNMENT_UNITS = 0x2000 / ALIGNMENT;

/** The address `id()` reports for a unit. */
export function addressOf(unit: number): number {
  return HEAP_BASE + unit * ALIGNMENT;
}

/** Large blocks from this size (64 KiB) ask the host whether its memory is nearly full. */
const LARGE_BLOCK_UNITS = (64 << 10) / ALIGNMENT;

// The radix tree over 64-bit addresses and 1 MiB arenas: root and mid nodes index 15 bits
// each, bottom nodes 14 (an 8-byte arena_coverage_t per arena).
const MAP_INTERIOR_BITS = 15;
const MAP_BOT_BITS = 14;
const MAP_BOT_SHIFT = 20 + MAP_BOT_BITS;
const MAP_MID_SHIFT = MAP_BOT_SHIFT + MAP_INTERIOR_BITS;

/** A number right-aligned in `width` columns, as %Nu prints it. */
function pad(n: number, width: number): string {
  return String(n).padStart(width);
}

/**
 * One line of the allocator's statistics (obmalloc.c printone): the label padded to 35
 * columns, "=", the value with thousands separators right-aligned in 21.
 */
export function statLine(label: string, value: number): string {
  const digits = String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${label.padEnd(35)}=${digits.padStart(21)}\n`;
}

/** The modelled heap's default limit: 1 GiB of arenas and large blocks. */
export const DEFAULT_MEMORY_LIMIT = 1 << 30;

/**
 * Thrown by the allocator when a request would take the modelled heap past its limit;
 * the eval loop turns it into MemoryError (objects/errors.ts PyErr_FromJS), and the
 * session goes on.
 */
export class MemoryLimitExceeded extends Error {
  constructor(readonly requested: number, readonly limit: number) {
    super(`the modelled heap would pass its limit of ${limit} bytes`);
    this.name = "MemoryLimitExceeded";
  }
}

/**
 * Reads a memory limit: bytes, or a number with K, M, G (powers of 1024; "KiB", "MB"...
 * read alike). Returns null for anything else.
 */
export function parseMemoryLimit(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(?:([kmg])(?:i?b)?|b)?\s*$/i.exec(text);
  if (m === null) return null;
  const scale = { k: 1 << 10, m: 1 << 20, g: 1 << 30 }[(m[2] ?? "").toLowerCase()] ?? 1;
  const bytes = Math.floor(Number(m[1]) * scale);
  return bytes > 0 ? bytes : null;
}

/**
 * CPython 3.11's small-object heap when `python3 FILE.py` reaches the script's first line:
 * blocks in use per size class (16, 32, ... 512 bytes), as `sys._debugmallocstats()` as a
 * script's first line reports them (they vary by a few blocks from run to run). Its
 * start-up (site, encodings, io, the codecs, the .pth hooks...) leaves every size class in
 * use; glasspy's smaller start-up is topped up to these counts (Obmalloc.setStartupState).
 */
// deno-fmt-ignore
export const CPYTHON_SCRIPT_BLOCKS: readonly number[] = [
  107, 1148, 4226, 12593, 7464, 1525, 730, 1189, 267, 2685, 193, 216, 503, 464, 380, 267,
  245, 191, 131, 102, 106, 88, 90, 71, 236, 63, 46, 41, 43, 37, 34, 50,
];

/**
 * The index of the pool holding a unit in Obmalloc.poolByKey. Arenas are mapped downward
 * from the top of the modelled address space, so counting pools from the top keeps that
 * array dense (a sparse one turns into a slow dictionary in V8).
 */
function poolKey(unit: number): number {
  return (TOTAL_UNITS - 1 - unit) >> 10;
}

/** One pool: blocks of one size class, with CPython's freeblock chain. */
export class Pool {
  /** Number of allocated blocks (ref.count). */
  count = 0;
  /** pool->freeblock: the unit of the first free block, or -1 (last freed first). */
  freeblock = -1;
  /**
   * The rest of CPython's chain through the free blocks, as a stack of offsets in the pool
   * (units), the next block on top: a freed block goes first on the chain, an allocation
   * takes the first, so the chain is last in, first out. A full pool, as most pools of a
   * big live heap are, keeps nothing here (a link array per pool cost 2 KiB).
   */
  readonly chain: number[] = [];
  /** Next never-used block, in units from the pool start. */
  nextoffset = 0;
  maxnextoffset = 0;
  szidx = -1;
  nextpool: Pool;
  prevpool: Pool;
  constructor(readonly unit: number, public arena: Arena | null) {
    this.nextpool = this;
    this.prevpool = this;
  }
}

/** One arena (struct arena_object). */
export class Arena {
  /** First unit of the mapping, or -1 when unassociated. */
  unit = -1;
  /** First unit of the first pool: the first pool-aligned unit of the mapping. */
  firstPool = 0;
  /** pool_address: the next pool never carved from this arena. */
  poolUnit = 0;
  nfreepools = 0;
  ntotalpools = 0;
  freepools: Pool | null = null;
  nextarena: Arena | null = null;
  prevarena: Arena | null = null;
  constructor(readonly index: number) {}
}

/** Statistics that sys._debugmallocstats and the heap views read. */
export interface ObmallocStats {
  narenasCurrentlyAllocated: number;
  ntimesArenaAllocated: number;
  narenasHighwater: number;
  rawAllocatedBlocks: number;
  /** Arenas given back, pools taken from arenas and pools emptied (for the glass views). */
  ntimesArenaFreed: number;
  ntimesPoolAllocated: number;
  ntimesPoolFreed: number;
}

/** The allocator's whole state; one per interpreter. */
export class Obmalloc {
  /** usedpools[szidx]: header of the ring of pools with free blocks (a sentinel Pool). */
  readonly usedpools: Pool[] = [];
  readonly arenas: Arena[] = [];
  unusedArenaObjects: Arena | null = null;
  usableArenas: Arena | null = null;
  /** nfp2lasta[n]: the rightmost arena in usable_arenas with n free pools. */
  readonly nfp2lasta: (Arena | null)[] = [];
  /** Pools by poolKey(unit): the radix tree's answer to "is this address ours". */
  readonly poolByKey: (Pool | undefined)[] = [];
  readonly stats: ObmallocStats = {
    narenasCurrentlyAllocated: 0,
    ntimesArenaAllocated: 0,
    narenasHighwater: 0,
    rawAllocatedBlocks: 0,
    ntimesArenaFreed: 0,
    ntimesPoolAllocated: 0,
    ntimesPoolFreed: 0,
  };
  /** Bytes of the raw (malloc) blocks handed out now. */
  rawInuse = 0;
  /**
   * The largest footprint (`footprint()`) since the glass views last set it: kept up to
   * date where arenas are mapped and raw blocks taken, never on the small-object path.
   */
  footprintPeak = 0;

  // The modelled mmap: arena mappings come down from the top; unmapped ones are reused first.
  // Every unit must be computed from small integers (V8 Smis): one field that starts as a
  // heap number (0x400000000 / 16 did) makes every unit derived from it a boxed double, and
  // each object's ob_id (and each list's ob_hash) then held a 16-byte box of its own.
  private mmapTop = TOTAL_UNITS - ARENA_MISALIGNMENT_UNITS;
  private readonly unmapped: number[] = [];
  // The modelled malloc for big blocks: exact-size free lists, else bump upward.
  private mallocTop = MALLOC_BASE_UNITS;
  private readonly mallocFree = new Map<number, number[]>();
  private readonly mallocSize = new Map<number, number>();
  private staticTop = 1;
  /** The most the arenas and large blocks may hold together (settable: setLimit). */
  limit = DEFAULT_MEMORY_LIMIT;
  /**
   * Asked whenever the heap grows by an arena or a large block: the host answers whether
   * its own memory (the JavaScript heap that holds the objects) is nearly full, so that
   * allocation raises MemoryError before the host itself would run out.
   */
  hostMemoryFull: () => boolean = () => false;

  constructor() {
    for (let i = 0; i < NB_SMALL_SIZE_CLASSES; i++) {
      const head = new Pool(-1, null);
      head.szidx = i;
      this.usedpools.push(head);
    }
    for (let i = 0; i <= ARENA_UNITS / POOL_UNITS; i++) this.nfp2lasta.push(null);
  }

  /**
   * The radix tree's interior nodes (USE_INTERIOR_NODES on 64-bit: 15 bits for the root,
   * 15 for a mid node, 14 for a bottom node over 1 MiB arenas). Nodes are made when an
   * arena is first mapped under them and never freed; only their number is reported.
   */
  private readonly mapMidNodes = new Set<number>();
  private readonly mapBotNodes = new Set<number>();

  /** Sets the limit (bytes); a limit below what is in use only stops further growth. */
  setLimit(bytes: number): void {
    if (!(bytes > 0)) throw new RangeError("the memory limit must be a positive number of bytes");
    this.limit = bytes;
  }

  /**
   * Checks, before a caller builds something of nbytes outside the model (a long list's
   * items, a big string), that the modelled heap could take it: throws
   * MemoryLimitExceeded when it could not, so nothing huge is built first.
   */
  reserve(nbytes: number): void {
    if (!(nbytes <= this.limit - this.footprint()) || this.hostMemoryFull()) {
      throw new MemoryLimitExceeded(nbytes, this.limit);
    }
  }

  /**
   * PyObject_Malloc(nbytes): the unit of the new block. The common case, a block from the
   * first used pool of the size class, takes a few loads and stores: every pool in a
   * usedpools ring has a free block (freeblock >= 0) and the ring's head never has one,
   * so reading the head's freeblock also tells whether the ring is empty.
   */
  malloc(nbytes: number): number {
    if (nbytes > SMALL_REQUEST_THRESHOLD || nbytes <= 0) return this.rawMalloc(nbytes);
    const size = (nbytes - 1) >> 4;
    const pool = this.usedpools[size].nextpool;
    const bp = pool.freeblock;
    if (bp < 0) return this.allocateFromNewPool(size);
    pool.count++;
    const chain = pool.chain;
    if (chain.length > 0) pool.freeblock = bp - (bp & POOL_MASK) + chain.pop()!;
    else {
      pool.freeblock = -1;
      this.poolExtend(pool, size);
    }
    return bp;
  }

  /**
   * PyObject_Free(unit): the block goes first on its pool's free chain. A pool of a
   * released arena has szidx -1, as the slot of a pool not yet carved: both are not ours.
   */
  free(unit: number): void {
    const pool = this.poolByKey[poolKey(unit)];
    if (pool === undefined || pool.szidx < 0) {
      this.rawFree(unit);
      return;
    }
    const last = pool.freeblock;
    pool.freeblock = unit;
    const count = --pool.count;
    if (last < 0) {
      // The pool was full: it has a free block again.
      this.insertToUsedpool(pool);
      return;
    }
    pool.chain.push(last & POOL_MASK);
    if (count === 0) this.insertToFreepool(pool);
  }

  /** Bytes mapped for the heap: the arenas, and the raw blocks. */
  footprint(): number {
    return this.stats.narenasCurrentlyAllocated * ARENA_SIZE + this.rawInuse;
  }

  /** Bytes in the blocks handed out now: pool blocks in use, and raw blocks. */
  blocksInUse(): number {
    let n = this.rawInuse;
    for (const arena of this.arenas) {
      if (arena.unit < 0) continue;
      const end = arena.firstPool + arena.ntotalpools * POOL_UNITS;
      for (let u = arena.firstPool; u < end; u += POOL_UNITS) {
        const pool = this.poolAt(u);
        if (pool !== undefined && pool.arena === arena && pool.szidx >= 0) {
          n += pool.count * (pool.szidx + 1) * ALIGNMENT;
        }
      }
    }
    return n;
  }

  /** The pool object for the pool-sized slot holding `unit` (carved or not), for the views. */
  poolAt(unit: number): Pool | undefined {
    return this.poolByKey[poolKey(unit)];
  }

  /** The raw (malloc) blocks handed out now, as [unit, size in bytes], for the views. */
  *rawBlocks(): IterableIterator<[number, number]> {
    for (const [unit, units] of this.mallocSize) yield [unit, units * ALIGNMENT];
  }

  /** An address for a statically allocated object (never freed). */
  staticAlloc(nbytes: number): number {
    const unit = this.staticTop;
    this.staticTop += Math.max(1, Math.ceil(nbytes / ALIGNMENT));
    return unit;
  }

  /** The size class (block size in bytes) serving a unit, or 0 if it is not a pool block. */
  blockSize(unit: number): number {
    const pool = this.poolByKey[poolKey(unit)];
    if (pool === undefined || pool.szidx < 0 || pool.arena === null) return 0;
    return (pool.szidx + 1) * ALIGNMENT;
  }

  private poolExtend(pool: Pool, size: number): void {
    if (pool.nextoffset <= pool.maxnextoffset) {
      pool.freeblock = pool.unit + pool.nextoffset;
      pool.nextoffset += size + 1;
      return;
    }
    // The pool is full: unlink it from usedpools.
    const next = pool.nextpool;
    const prev = pool.prevpool;
    next.prevpool = prev;
    prev.nextpool = next;
  }

  private allocateFromNewPool(size: number): number {
    this.stats.ntimesPoolAllocated++;
    if (this.usableArenas === null) {
      const arena = this.newArena();
      arena.nextarena = arena.prevarena = null;
      this.usableArenas = arena;
      this.nfp2lasta[arena.nfreepools] = arena;
    }
    const ua = this.usableArenas;
    if (this.nfp2lasta[ua.nfreepools] === ua) this.nfp2lasta[ua.nfreepools] = null;
    if (ua.nfreepools > 1) this.nfp2lasta[ua.nfreepools - 1] = ua;
    let pool: Pool;
    if (ua.freepools !== null) {
      pool = ua.freepools;
      ua.freepools = pool.nextpool === pool ? null : pool.nextpool;
      ua.nfreepools--;
      if (ua.nfreepools === 0) this.dropFullArena();
    } else {
      const unit = ua.poolUnit;
      const known = this.poolByKey[poolKey(unit)];
      if (known === undefined) {
        pool = new Pool(unit, ua);
        this.poolByKey[poolKey(unit)] = pool;
      } else {
        pool = known;
        pool.arena = ua;
      }
      pool.szidx = -1;
      pool.freeblock = -1;
      ua.poolUnit += POOL_UNITS;
      ua.nfreepools--;
      if (ua.nfreepools === 0) this.dropFullArena();
    }
    const head = this.usedpools[size];
    const next = head.nextpool;
    pool.nextpool = next;
    pool.prevpool = head;
    next.prevpool = pool;
    head.nextpool = pool;
    pool.count = 1;
    if (pool.szidx === size) {
      const bp = pool.freeblock;
      const chain = pool.chain;
      if (chain.length > 0) pool.freeblock = pool.unit + chain.pop()!;
      else {
        pool.freeblock = -1;
        this.poolExtend(pool, size);
      }
      return bp;
    }
    pool.szidx = size;
    const bp = pool.unit + OVERHEAD_UNITS;
    pool.nextoffset = OVERHEAD_UNITS + 2 * (size + 1);
    pool.maxnextoffset = POOL_UNITS - (size + 1);
    pool.chain.length = 0;
    pool.freeblock = bp + size + 1;
    return bp;
  }

  private dropFullArena(): void {
    const ua = this.usableArenas!;
    this.usableArenas = ua.nextarena;
    if (this.usableArenas !== null) this.usableArenas.prevarena = null;
  }

  private newArena(): Arena {
    if (this.unusedArenaObjects === null) {
      const start = this.arenas.length;
      const numarenas = start === 0 ? 16 : start * 2;
      for (let i = start; i < numarenas; i++) this.arenas.push(new Arena(i));
      for (let i = start; i < numarenas; i++) {
        this.arenas[i].nextarena = i < numarenas - 1 ? this.arenas[i + 1] : null;
      }
      this.unusedArenaObjects = this.arenas[start];
    }
    if (this.footprint() + ARENA_SIZE > this.limit || this.hostMemoryFull()) {
      throw new MemoryLimitExceeded(ARENA_SIZE, this.limit);
    }
    const arena = this.unusedArenaObjects;
    this.unusedArenaObjects = arena.nextarena;
    const unit = this.unmapped.length > 0 ? this.unmapped.pop()! : (this.mmapTop -= ARENA_UNITS);
    if (unit < this.mallocTop) throw new RangeError("glasspy: modelled address space exhausted");
    arena.unit = unit;
    // The map marks the arena's first address and, for an arena not on a 1 MiB boundary,
    // the one 1 MiB further, whose node may be another.
    const address = addressOf(unit);
    const marked = unit % ARENA_UNITS === 0 ? [address] : [address, address + ARENA_SIZE];
    for (const a of marked) {
      this.mapMidNodes.add(Math.floor(a / 2 ** MAP_MID_SHIFT));
      this.mapBotNodes.add(Math.floor(a / 2 ** MAP_BOT_SHIFT));
    }
    this.stats.narenasCurrentlyAllocated++;
    this.stats.ntimesArenaAllocated++;
    if (this.footprint() > this.footprintPeak) this.footprintPeak = this.footprint();
    if (this.stats.narenasCurrentlyAllocated > this.stats.narenasHighwater) {
      this.stats.narenasHighwater = this.stats.narenasCurrentlyAllocated;
    }
    arena.freepools = null;
    // The pools start at the first pool boundary; a mapping that is not on one loses a pool.
    const excess = unit & (POOL_UNITS - 1);
    arena.firstPool = excess === 0 ? unit : unit + POOL_UNITS - excess;
    arena.poolUnit = arena.firstPool;
    arena.nfreepools = ARENA_UNITS / POOL_UNITS - (excess === 0 ? 0 : 1);
    arena.ntotalpools = arena.nfreepools;
    return arena;
  }

  private insertToUsedpool(pool: Pool): void {
    const head = this.usedpools[pool.szidx];
    const prev = head.prevpool;
    pool.nextpool = head;
    pool.prevpool = prev;
    head.prevpool = pool;
    prev.nextpool = pool;
  }

  private insertToFreepool(pool: Pool): void {
    this.stats.ntimesPoolFreed++;
    const next = pool.nextpool;
    const prev = pool.prevpool;
    next.prevpool = prev;
    prev.nextpool = next;
    const ao = pool.arena!;
    pool.nextpool = ao.freepools ?? pool;
    ao.freepools = pool;
    let nf = ao.nfreepools;
    const lastnf = this.nfp2lasta[nf];
    if (lastnf === ao) {
      const p = ao.prevarena;
      this.nfp2lasta[nf] = p !== null && p.nfreepools === nf ? p : null;
    }
    ao.nfreepools = ++nf;
    if (nf === ao.ntotalpools && ao.nextarena !== null) {
      // The arena is wholly free and not the last usable one: give it back.
      if (ao.prevarena === null) this.usableArenas = ao.nextarena;
      else ao.prevarena.nextarena = ao.nextarena;
      if (ao.nextarena !== null) ao.nextarena.prevarena = ao.prevarena;
      ao.nextarena = this.unusedArenaObjects;
      this.unusedArenaObjects = ao;
      const end = ao.firstPool + ao.ntotalpools * POOL_UNITS;
      for (let u = ao.firstPool; u < end; u += POOL_UNITS) {
        const p = this.poolByKey[poolKey(u)];
        if (p !== undefined) {
          p.arena = null;
          p.szidx = -1;
          p.freeblock = -1;
        }
      }
      this.unmapped.push(ao.unit);
      ao.unit = -1;
      ao.freepools = null;
      this.stats.narenasCurrentlyAllocated--;
      this.stats.ntimesArenaFreed++;
      return;
    }
    if (nf === 1) {
      ao.nextarena = this.usableArenas;
      ao.prevarena = null;
      if (this.usableArenas !== null) this.usableArenas.prevarena = ao;
      this.usableArenas = ao;
      if (this.nfp2lasta[1] === null) this.nfp2lasta[1] = ao;
      return;
    }
    if (this.nfp2lasta[nf] === null) this.nfp2lasta[nf] = ao;
    if (ao === lastnf) return;
    // Move ao right, after lastnf, to keep usable_arenas sorted by nfreepools.
    if (ao.prevarena !== null) ao.prevarena.nextarena = ao.nextarena;
    else this.usableArenas = ao.nextarena;
    ao.nextarena!.prevarena = ao.prevarena;
    ao.prevarena = lastnf;
    ao.nextarena = lastnf!.nextarena;
    if (ao.nextarena !== null) ao.nextarena.prevarena = ao;
    lastnf!.nextarena = ao;
  }

  /** Blocks in use per size class, over the arenas' carved pools. */
  blocksInUseByClass(): number[] {
    const n = new Array(NB_SMALL_SIZE_CLASSES).fill(0);
    for (const a of this.arenas) {
      if (a.unit < 0) continue;
      for (let u = a.firstPool; u < a.poolUnit; u += POOL_UNITS) {
        const p = this.poolByKey[poolKey(u)];
        if (p !== undefined && p.arena === a && p.szidx >= 0) n[p.szidx] += p.count;
      }
    }
    return n;
  }

  /**
   * Makes the heap look like the imitated CPython's when user code starts: each size class
   * gets blocks (held for the interpreter's life, as CPython's start-up objects mostly are)
   * until it has as many in use as `blocks` says. Only the model's figures change
   * (sys._debugmallocstats, arenas in use); later allocations follow in the same pools.
   */
  setStartupState(blocks: readonly number[]): void {
    const have = this.blocksInUseByClass();
    for (let i = 0; i < NB_SMALL_SIZE_CLASSES; i++) {
      for (let n = have[i]; n < blocks[i]; n++) this.malloc((i + 1) * ALIGNMENT);
    }
  }

  /**
   * _PyObject_DebugMallocStats: the report sys._debugmallocstats() prints first, in
   * CPython's layout, from the model's arenas and pools.
   */
  debugMallocStats(): string {
    const numpools = new Array(NB_SMALL_SIZE_CLASSES).fill(0);
    const numblocks = new Array(NB_SMALL_SIZE_CLASSES).fill(0);
    const numfree = new Array(NB_SMALL_SIZE_CLASSES).fill(0);
    let narenas = 0, numfreepools = 0, arenaAlignment = 0;
    for (const a of this.arenas) {
      if (a.unit < 0) continue;
      narenas++;
      numfreepools += a.nfreepools;
      if (a.firstPool !== a.unit) arenaAlignment += POOL_SIZE;
      // the pools carved so far; an empty one waits in the arena's free pools
      for (let u = a.firstPool; u < a.poolUnit; u += POOL_UNITS) {
        const p = this.poolByKey[poolKey(u)];
        if (p === undefined || p.count === 0 || p.szidx < 0) continue;
        const sz = p.szidx;
        numpools[sz]++;
        numblocks[sz] += p.count;
        numfree[sz] += Math.floor((POOL_SIZE - POOL_OVERHEAD) / ((sz + 1) * ALIGNMENT)) - p.count;
      }
    }
    const out: string[] = [
      `Small block threshold = ${SMALL_REQUEST_THRESHOLD}, in ${NB_SMALL_SIZE_CLASSES} size classes.\n`,
      "\n",
      "class   size   num pools   blocks in use  avail blocks\n",
      "-----   ----   ---------   -------------  ------------\n",
    ];
    let allocated = 0, available = 0, headers = 0, quantization = 0;
    for (let i = 0; i < NB_SMALL_SIZE_CLASSES; i++) {
      const p = numpools[i];
      if (p === 0) continue;
      const size = (i + 1) * ALIGNMENT;
      out.push(
        `${pad(i, 5)} ${pad(size, 6)} ${pad(p, 11)} ${pad(numblocks[i], 15)} ${
          pad(numfree[i], 13)
        }\n`,
      );
      allocated += numblocks[i] * size;
      available += numfree[i] * size;
      headers += p * POOL_OVERHEAD;
      quantization += p * ((POOL_SIZE - POOL_OVERHEAD) % size);
    }
    out.push("\n");
    const st = this.stats;
    out.push(statLine("# arenas allocated total", st.ntimesArenaAllocated));
    out.push(statLine("# arenas reclaimed", st.ntimesArenaAllocated - narenas));
    out.push(statLine("# arenas highwater mark", st.narenasHighwater));
    out.push(statLine("# arenas allocated current", narenas));
    out.push(statLine(`${narenas} arenas * ${ARENA_SIZE} bytes/arena`, narenas * ARENA_SIZE));
    out.push("\n");
    const unused = numfreepools * POOL_SIZE;
    out.push(statLine("# bytes in allocated blocks", allocated));
    out.push(statLine("# bytes in available blocks", available));
    out.push(statLine(`${numfreepools} unused pools * ${POOL_SIZE} bytes`, unused));
    out.push(statLine("# bytes lost to pool headers", headers));
    out.push(statLine("# bytes lost to quantization", quantization));
    out.push(statLine("# bytes lost to arena alignment", arenaAlignment));
    out.push(
      statLine("Total", allocated + available + unused + headers + quantization + arenaAlignment),
    );
    out.push("\narena map counts\n");
    const mid = this.mapMidNodes.size, bot = this.mapBotNodes.size;
    out.push(statLine("# arena map mid nodes", mid));
    out.push(statLine("# arena map bot nodes", bot));
    out.push("\n");
    const root = 8 * 2 ** MAP_INTERIOR_BITS;
    const midBytes = mid * 8 * 2 ** MAP_INTERIOR_BITS;
    const botBytes = bot * 8 * 2 ** MAP_BOT_BITS;
    out.push(statLine("# bytes lost to arena map root", root));
    out.push(statLine("# bytes lost to arena map mid", midBytes));
    out.push(statLine("# bytes lost to arena map bot", botBytes));
    out.push(statLine("Total", root + midBytes + botBytes));
    return out.join("");
  }

  private rawMalloc(nbytes: number): number {
    const units = Math.max(2, Math.ceil((nbytes + 8) / ALIGNMENT)); // glibc chunk header
    if (
      !(this.footprint() + units * ALIGNMENT <= this.limit) ||
      units >= LARGE_BLOCK_UNITS && this.hostMemoryFull()
    ) {
      throw new MemoryLimitExceeded(nbytes, this.limit);
    }
    this.stats.rawAllocatedBlocks++;
    this.rawInuse += units << 4;
    if (this.footprint() > this.footprintPeak) this.footprintPeak = this.footprint();
    const list = this.mallocFree.get(units);
    let unit: number;
    if (list !== undefined && list.length > 0) unit = list.pop()!;
    else {
      unit = this.mallocTop;
      this.mallocTop += units;
      if (this.mallocTop > this.mmapTop) {
        throw new RangeError("glasspy: modelled address space exhausted");
      }
    }
    this.mallocSize.set(unit, units);
    return unit;
  }

  private rawFree(unit: number): void {
    const units = this.mallocSize.get(unit);
    if (units === undefined) return; // static or unknown: never freed
    this.mallocSize.delete(unit);
    this.rawInuse -= units << 4;
    this.stats.rawAllocatedBlocks--;
    let list = this.mallocFree.get(units);
    if (list === undefined) this.mallocFree.set(units, list = []);
    list.push(unit);
  }
}

/** The allocator of the running interpreter. */
export const obmalloc: Obmalloc = new Obmalloc();
