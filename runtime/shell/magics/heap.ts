// %heap: the memory layers as they stand in this session: the types' free lists, the
// obmalloc arenas and pools (a map by size class and fill), the raw allocations, and
// sys._debugmallocstats()'s figures beside them.

import type { Session } from "../session.ts";
import { UsageError } from "../magics.ts";
import { vmEngine } from "./vm.ts";
import { heapView } from "../../glass/heapmap.ts";
import { heapBundle } from "../../glass/heapview.ts";

/** `%heap` */
export function heap(session: Session, line: string): null {
  vmEngine(session, "heap");
  if (line.trim() !== "") throw new UsageError("%heap takes no arguments");
  if (!session.isSilent) session.displayData({ data: heapBundle(heapView()), metadata: {} });
  return null;
}
