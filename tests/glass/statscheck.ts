// The check every kernel test makes of a cell's `glasspy.stats` (execute_reply metadata):
// present, of the documented shape, and consistent with itself.

import { assert, assertEquals } from "../assert.ts";

const isCount = (x: unknown) => typeof x === "number" && Number.isInteger(x) && x >= 0;

/** Throws unless `stats` is a well-formed, self-consistent CellStats. */
export function checkCellStats(stats: unknown, where = "glasspy.stats"): void {
  assert(stats !== null && typeof stats === "object", `${where} is missing`);
  const s = stats as Record<string, unknown>;
  assert(typeof s.wall_time === "number" && s.wall_time >= 0, `${where}.wall_time`);
  const objects = s.objects as { allocated: number; freed: number; by_type: unknown[] };
  assert(isCount(objects.allocated) && isCount(objects.freed), `${where}.objects`);
  let allocated = 0;
  let freed = 0;
  for (const t of objects.by_type as { type: string; allocated: number; freed: number }[]) {
    assert(typeof t.type === "string" && t.type !== "", `${where}.objects.by_type[].type`);
    assert(Number.isInteger(t.allocated) && Number.isInteger(t.freed));
    assert(t.allocated !== 0 || t.freed !== 0, `${where}: an empty row for ${t.type}`);
    allocated += t.allocated;
    freed += t.freed;
  }
  assertEquals(allocated, objects.allocated, `${where}: allocated is the sum by type`);
  assertEquals(freed, objects.freed, `${where}: freed is the sum by type`);
  const gc = s.gc as Record<string, number>[];
  assertEquals(gc.map((g) => g.generation), [0, 1, 2], `${where}.gc`);
  for (const g of gc) {
    assert(isCount(g.collections) && isCount(g.collected) && isCount(g.uncollectable));
    if (g.collections === 0) assertEquals(g.collected + g.uncollectable, 0);
  }
  const m = s.memory as Record<string, number>;
  for (
    const k of [
      "arenas_allocated",
      "arenas_freed",
      "arenas_in_use",
      "pools_allocated",
      "pools_freed",
      "blocks_before",
      "blocks_after",
      "footprint_before",
      "footprint_after",
      "footprint_peak",
    ]
  ) assert(isCount(m[k]), `${where}.memory.${k}`);
  assert(m.arenas_in_use >= 1, `${where}: the heap has an arena`);
  assert(
    m.footprint_peak >= m.footprint_before && m.footprint_peak >= m.footprint_after,
    `${where}: the peak`,
  );
  assert(m.blocks_after <= m.footprint_after, `${where}: blocks fit in the footprint`);
  if (s.execution !== undefined) {
    const e = s.execution as { instructions: number; opcodes: [string, number][] };
    assert(isCount(e.instructions));
    let all = 0;
    for (const [name, n] of e.opcodes) {
      assert(/^[A-Z_]+$/.test(name) && isCount(n) && n > 0, `${where}.execution.opcodes`);
      all += n;
    }
    assertEquals(all, e.instructions, `${where}: instructions is the sum by opcode`);
  }
}
