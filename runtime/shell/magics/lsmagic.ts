// %lsmagic: lists the magics that exist, in IPython's layout.

import type { Session } from "../session.ts";

export function lsmagicText(session: Session): string {
  const line = [...session.magics.line.keys()].sort();
  const cell = [...session.magics.cell.keys()].sort();
  return [
    "Available line magics:",
    line.map((n) => "%" + n).join("  "),
    "",
    "Available cell magics:",
    cell.map((n) => "%%" + n).join("  "),
    "",
    "Automagic is OFF, % prefix IS needed for line magics.",
  ].join("\n");
}

/** `%lsmagic` */
export function lsmagic(session: Session): null {
  session.write("stdout", lsmagicText(session) + "\n");
  return null;
}
