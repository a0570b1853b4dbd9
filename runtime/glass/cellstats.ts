// Per-cell statistics: what the VM did while a cell ran. The first group is always
// measured, from counters the object layer and the memory model keep anyway: wall time,
// objects allocated and freed by type, collections per generation, arenas and pools
// taken and released, the peak of the modelled heap's footprint. With statistics switched on the
// recorder also counts, through the eval loop's instruction hook, the instructions
// executed by opcode and the Python frames started.
//
// The figures are JSON (snake_case, as Jupyter's messages are): the kernel sends them in
// every execute_reply's metadata as "glasspy.stats".

import { gcstate } from "../objects/object.ts";
import { obmalloc } from "../memory/obmalloc.ts";
import { Census, type TypeCount } from "./census.ts";
import { ExecutionCounter, type ExecutionCounts } from "./execcounts.ts";

/** One generation's collections during the cell. */
export interface GenerationStats {
  generation: number;
  collections: number;
  /** Unreachable objects freed (gc.get_stats' "collected") */
  collected: number;
  /** Unreachable objects that could not be freed (legacy finalizers) */
  uncollectable: number;
}

/** The allocator's side (obmalloc, the seed's +2 and +1 layers). */
export interface MemoryStats {
  /** Arenas (1 MiB) mapped and unmapped during the cell, and mapped at its end */
  arenas_allocated: number;
  arenas_freed: number;
  arenas_in_use: number;
  /** Pools (16 KiB) taken from arenas and emptied during the cell */
  pools_allocated: number;
  pools_freed: number;
  /** Bytes in allocated blocks (pool blocks and raw blocks) before and after the cell */
  blocks_before: number;
  blocks_after: number;
  /**
   * The heap's footprint (arenas mapped, 1 MiB each, and raw blocks) before and after the
   * cell, and the most it was while the cell ran
   */
  footprint_before: number;
  footprint_after: number;
  footprint_peak: number;
}

export interface CellStats {
  /** Wall-clock seconds */
  wall_time: number;
  objects: {
    allocated: number;
    freed: number;
    /** By type, the busiest first */
    by_type: TypeCount[];
  };
  gc: GenerationStats[];
  memory: MemoryStats;
  /** Only while statistics are switched on (`%stats on`, `%%stats`) */
  execution?: ExecutionCounts;
}

/** Takes the "before" readings at begin and turns them into a cell's statistics at end. */
export class CellStatsRecorder {
  private readonly census = new Census();
  private readonly gcBefore = gcstate.stats.map((s) => ({ ...s }));
  private readonly mallocBefore = { ...obmalloc.stats };
  private readonly blocksBefore = obmalloc.blocksInUse();
  private readonly footprintBefore = obmalloc.footprint();
  /** The peak an enclosing recorder was tracking, given back at end. */
  private readonly outerPeak = obmalloc.footprintPeak;
  /** Counts instructions when the cell runs with statistics on, else null. */
  readonly counter: ExecutionCounter | null;

  constructor(private readonly wallStart: number, detailed: boolean) {
    obmalloc.footprintPeak = obmalloc.footprint();
    this.counter = detailed ? new ExecutionCounter() : null;
  }

  end(wallEnd: number): CellStats {
    const peak = obmalloc.footprintPeak;
    obmalloc.footprintPeak = Math.max(peak, this.outerPeak);
    const byType = this.census.since();
    let allocated = 0;
    let freed = 0;
    for (const t of byType) {
      allocated += t.allocated;
      freed += t.freed;
    }
    const m = obmalloc.stats;
    const b = this.mallocBefore;
    const stats: CellStats = {
      wall_time: Math.max(0, wallEnd - this.wallStart),
      objects: { allocated, freed, by_type: byType },
      gc: gcstate.stats.map((s, generation) => ({
        generation,
        collections: s.collections - this.gcBefore[generation].collections,
        collected: s.collected - this.gcBefore[generation].collected,
        uncollectable: s.uncollectable - this.gcBefore[generation].uncollectable,
      })),
      memory: {
        arenas_allocated: m.ntimesArenaAllocated - b.ntimesArenaAllocated,
        arenas_freed: m.ntimesArenaFreed - b.ntimesArenaFreed,
        arenas_in_use: m.narenasCurrentlyAllocated,
        pools_allocated: m.ntimesPoolAllocated - b.ntimesPoolAllocated,
        pools_freed: m.ntimesPoolFreed - b.ntimesPoolFreed,
        blocks_before: this.blocksBefore,
        blocks_after: obmalloc.blocksInUse(),
        footprint_before: this.footprintBefore,
        footprint_after: obmalloc.footprint(),
        footprint_peak: peak,
      },
    };
    if (this.counter !== null) stats.execution = this.counter.result();
    return stats;
  }
}
