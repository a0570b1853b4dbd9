// The glass of one session: whether statistics are shown after each cell, the statistics
// of the last cell, and the recorders of the cells running now (a `%%stats` cell runs
// inside the cell that holds it).

import { type CellStats, CellStatsRecorder } from "./cellstats.ts";
import { listen, unlisten } from "./instructionhook.ts";

export class Glass {
  /** `%stats on`: every cell shows its statistics, instruction counts included. */
  statsOn = false;
  /** The statistics of the last cell that ended (also sent as execute_reply metadata). */
  lastStats: CellStats | null = null;

  /** Starts recording; with `detailed`, instructions are counted too. */
  begin(wall: number, detailed: boolean): CellStatsRecorder {
    const rec = new CellStatsRecorder(wall, detailed);
    if (rec.counter !== null) {
      listen(rec.counter);
      rec.counter.start();
    }
    return rec;
  }

  /** Ends a recording begun by `begin`. */
  end(rec: CellStatsRecorder, wall: number): CellStats {
    if (rec.counter !== null) {
      rec.counter.stop();
      unlisten(rec.counter);
    }
    return rec.end(wall);
  }
}
