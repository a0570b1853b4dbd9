// The glass magics (issue 8): the views that show what the VM did.

import type { MagicRegistry } from "../magics.ts";
import { stats, statsCell } from "./stats.ts";
import { refs } from "./refs.ts";
import { gc } from "./gc.ts";
import { heap } from "./heap.ts";
import { traceCell } from "./trace.ts";
import { ast, astCell } from "./ast.ts";

export function registerGlassMagics(magics: MagicRegistry): void {
  magics.registerLine("stats", stats);
  magics.registerCell("stats", statsCell);
  magics.registerLine("refs", refs);
  magics.registerLine("gc", gc);
  magics.registerLine("heap", heap);
  magics.registerCell("trace", traceCell);
  magics.registerLine("ast", ast);
  magics.registerCell("ast", astCell);
}
