// %xmode: how exceptions are reported, with IPython's mode names. "Minimal" shows only the
// exception's last line, as IPython does. "Plain", "Context" and "Verbose" all show
// CPython's own traceback (glasspy's promise is CPython's text, not IPython's ultratb
// layout); the mode is kept and reported as IPython reports it. Without an argument the
// mode moves to the next one, as in IPython.

import type { Session } from "../session.ts";

export const XMODES = ["Plain", "Context", "Verbose", "Minimal"] as const;
export type Xmode = typeof XMODES[number];

/** `%xmode [Plain|Context|Verbose|Minimal]` */
export function xmode(session: Session, line: string): null {
  const arg = line.trim();
  if (arg === "--show" || arg === "--hide") return null; // hidden frames: glasspy hides none
  // str.capitalize(): the first letter upper case, the rest lower case
  const wanted = arg.slice(0, 1).toUpperCase() + arg.slice(1).toLowerCase();
  let next: Xmode;
  if (wanted === "") next = XMODES[(XMODES.indexOf(session.xmode) + 1) % XMODES.length];
  else if ((XMODES as readonly string[]).includes(wanted)) next = wanted as Xmode;
  else {
    session.write(
      "stderr",
      "UserWarning: Error changing user exception modes.\n" +
        `Unrecognized mode in FormattedTB: <${wanted}>\n` +
        `Valid modes: [${XMODES.map((m) => `'${m}'`).join(", ")}]\n`,
    );
    return null;
  }
  session.xmode = next;
  session.write("stdout", `Exception reporting mode: ${next}\n`);
  return null;
}
