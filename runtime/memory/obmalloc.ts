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
const ARENA_UNITS = ARENA_SIZE / ALIGNMENT; // 65536
const OVERHEAD_UNITS = POOL_OVERHEAD / ALIGNMENT; // 3

/**
 * The modelled address space: HEAP_BASE is unit 0. Arenas are "mmapped" downward from
 * the top as Linux places anonymous mappings; large blocks ("malloc") grow upward from
 * just above static data; statically allocated objects (types, small ints, None...) sit
 * at the bottom, as CPython's live in the executable's data segment.
 */
export const HEAP_BASE = 0x7f0000000000 - 0x400000000; // 16 GiB window below 0x7f0000000000
const TOTAL_UNITS = 0x400000000 / ALIGNMENT; // 2^30 units
const STATIC_UNITS = 0x1000000 / ALIGNMENT; // 16 MiB of static data
const MALLOC_BASE_UNITS = STATIC_UNITS + 0x1000 / ALIGNMENT;

/** The address `id()` reports for a unit. */
export function addressOf(unit: number): number {
  return HEAP_BASE + unit * ALIGNMENT;
}

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
  /** The chain through the free blocks: links[unit - pool.unit] is the next free unit or -1. */
  readonly links = new Int32Array(POOL_UNITS);
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
  private mmapTop = TOTAL_UNITS;
  private readonly unmapped: number[] = [];
  // The modelled malloc for big blocks: exact-size free lists, else bump upward.
  private mallocTop = MALLOC_BASE_UNITS;
  private readonly mallocFree = new Map<number, number[]>();
  private readonly mallocSize = new Map<number, number>();
  private staticTop = 1;

  constructor() {
    for (let i = 0; i < NB_SMALL_SIZE_CLASSES; i++) {
      const head = new Pool(-1, null);
      head.szidx = i;
      this.usedpools.push(head);
    }
    for (let i = 0; i <= ARENA_UNITS / POOL_UNITS; i++) this.nfp2lasta.push(null);
  }

  /** PyObject_Malloc(nbytes): the unit of the new block. */
  malloc(nbytes: number): number {
    if (nbytes > SMALL_REQUEST_THRESHOLD || nbytes <= 0) return this.rawMalloc(nbytes);
    const size = (nbytes - 1) >> 4;
    const pool = this.usedpools[size].nextpool;
    if (pool.unit >= 0) {
      pool.count++;
      const bp = pool.freeblock;
      const next = pool.links[bp - pool.unit];
      pool.freeblock = next;
      if (next < 0) this.poolExtend(pool, size);
      return bp;
    }
    return this.allocateFromNewPool(size);
  }

  /** PyObject_Free(unit). */
  free(unit: number): void {
    const pool = this.poolByKey[poolKey(unit)];
    if (pool === undefined || pool.szidx < 0 || pool.arena === null) {
      this.rawFree(unit);
      return;
    }
    const wasFull = pool.freeblock < 0;
    pool.links[unit - pool.unit] = pool.freeblock;
    pool.freeblock = unit;
    pool.count--;
    if (wasFull) {
      this.insertToUsedpool(pool);
      return;
    }
    if (pool.count !== 0) return;
    this.insertToFreepool(pool);
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
      for (let u = arena.unit; u < arena.unit + ARENA_UNITS; u += POOL_UNITS) {
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
      const bp = pool.unit + pool.nextoffset;
      pool.links[pool.nextoffset] = -1;
      pool.freeblock = bp;
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
      const next = pool.links[bp - pool.unit];
      pool.freeblock = next;
      if (next < 0) this.poolExtend(pool, size);
      return bp;
    }
    pool.szidx = size;
    const bp = pool.unit + OVERHEAD_UNITS;
    pool.nextoffset = OVERHEAD_UNITS + 2 * (size + 1);
    pool.maxnextoffset = POOL_UNITS - (size + 1);
    pool.links[OVERHEAD_UNITS + size + 1] = -1;
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
    const arena = this.unusedArenaObjects;
    this.unusedArenaObjects = arena.nextarena;
    const unit = this.unmapped.length > 0 ? this.unmapped.pop()! : (this.mmapTop -= ARENA_UNITS);
    if (unit < this.mallocTop) throw new RangeError("glasspy: modelled address space exhausted");
    arena.unit = unit;
    this.stats.narenasCurrentlyAllocated++;
    this.stats.ntimesArenaAllocated++;
    if (this.footprint() > this.footprintPeak) this.footprintPeak = this.footprint();
    if (this.stats.narenasCurrentlyAllocated > this.stats.narenasHighwater) {
      this.stats.narenasHighwater = this.stats.narenasCurrentlyAllocated;
    }
    arena.freepools = null;
    arena.poolUnit = unit;
    // Our mappings are pool-aligned, so every arena holds MAX_POOLS_IN_ARENA pools.
    arena.nfreepools = ARENA_UNITS / POOL_UNITS;
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
      for (let u = ao.unit; u < ao.unit + ARENA_UNITS; u += POOL_UNITS) {
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

  private rawMalloc(nbytes: number): number {
    const units = Math.max(2, Math.ceil((nbytes + 8) / ALIGNMENT)); // glibc chunk header
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
