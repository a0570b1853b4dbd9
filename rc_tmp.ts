import { VERBOSETB_SOURCE } from "./runtime/shell/verbosetb.ts";
Deno.writeTextFileSync("/tmp/glass/vtb.py", VERBOSETB_SOURCE);
