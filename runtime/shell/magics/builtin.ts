// The magics glasspy starts with. Later issues register theirs beside these.

import type { MagicRegistry } from "../magics.ts";
import { dis, disCell } from "./dis.ts";
import { registerGlassMagics } from "./glass.ts";
import { lsmagic } from "./lsmagic.ts";
import { pinfo, pinfo2 } from "./pinfo.ts";
import { reset } from "./reset.ts";
import { time, timeCell } from "./time.ts";
import { timeit, timeitCell } from "./timeit.ts";
import { who, whos } from "./who.ts";
import { xdel } from "./xdel.ts";
import { xmode } from "./xmode.ts";
import { history } from "./history.ts";
import { magic } from "./magic.ts";

export function registerBuiltinMagics(magics: MagicRegistry): void {
  magics.registerLine("lsmagic", lsmagic);
  magics.registerLine("dis", dis);
  magics.registerCell("dis", disCell);
  magics.registerLine("time", time);
  magics.registerCell("time", timeCell);
  magics.registerLine("timeit", timeit);
  magics.registerCell("timeit", timeitCell);
  magics.registerLine("who", who);
  magics.registerLine("whos", whos);
  magics.registerLine("reset", reset);
  magics.registerLine("xdel", xdel);
  magics.registerLine("xmode", xmode);
  magics.registerLine("history", history);
  magics.registerLine("hist", history);
  magics.registerLine("magic", magic);
  magics.registerLine("pinfo", pinfo);
  magics.registerLine("pinfo2", pinfo2);
  registerGlassMagics(magics);
}
