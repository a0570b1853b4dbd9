// `obj?` and `obj??` (IPython's %pinfo and %pinfo2): the inspector's text, as a page.

import { inspectName } from "../inspect.ts";
import type { Session } from "../session.ts";

function pinfoAt(session: Session, line: string, detail: number): null {
  const name = line.trim();
  const text = inspectName(session, name, detail);
  if (text === null) session.write("stdout", "Object `" + name + "` not found.\n");
  else session.page({ "text/plain": text });
  return null;
}

/** `%pinfo NAME`, which `NAME?` becomes */
export function pinfo(session: Session, line: string): null {
  return pinfoAt(session, line, 0);
}

/** `%pinfo2 NAME`, which `NAME??` becomes */
export function pinfo2(session: Session, line: string): null {
  return pinfoAt(session, line, 1);
}
