// %stats and %%stats: what the VM did in a cell, shown as a table after it. `%stats on`
// shows every following cell's statistics (instructions counted), `%stats off` stops,
// `%stats` alone shows the last cell's; `%%stats` runs its cell and shows its statistics.

import type { PyObject } from "../engine.ts";
import { PythonException } from "../engine.ts";
import { UsageError } from "../magics.ts";
import type { Session } from "../session.ts";
import { statsBundle } from "../../glass/statstable.ts";

/** `%stats [on|off]` */
export function stats(session: Session, line: string): null {
  const arg = line.trim();
  if (arg === "on") session.glass.statsOn = true;
  else if (arg === "off") session.glass.statsOn = false;
  else if (arg === "") {
    const last = session.glass.lastStats;
    if (last === null) session.write("stdout", "No cell has run yet.\n");
    else session.displayData({ data: statsBundle(last), metadata: {} });
  } else throw new UsageError(`%stats takes on, off or nothing, not ${JSON.stringify(arg)}`);
  return null;
}

/** `%%stats`: runs the cell with instructions counted, then shows its statistics. */
export function statsCell(session: Session, _line: string, cell: string): PyObject | null {
  const e = session.engine;
  let codes;
  try {
    codes = e.compileCell(cell, "<cell>", true);
  } catch (err) {
    if (!(err instanceof PythonException)) throw err;
    session.showTraceback(err);
    return null;
  }
  const rec = session.glass.begin(session.clock.wall(), true);
  try {
    for (const code of codes) e.exec(code);
  } catch (err) {
    if (!(err instanceof PythonException)) throw err;
    session.showTraceback(err);
  } finally {
    const s = session.glass.end(rec, session.clock.wall());
    e.release(codes);
    if (!session.isSilent) session.displayData({ data: statsBundle(s), metadata: {} });
  }
  return null;
}
