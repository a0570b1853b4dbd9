// %xdel NAME: deletes a variable and the references IPython's machinery keeps to its object
// (Out, `_N`, `_`, the last result); `-n` deletes the name only. A name that is not there
// (or a refusal) is reported on stdout as IPython reports it.

import { HostRaise } from "../../vm/host.ts";
import { UsageError } from "../magics.ts";
import type { Session } from "../session.ts";

/** `%xdel [-n] NAME` */
export function xdel(session: Session, line: string): null {
  const words = line.split(/\s+/).filter((w) => w !== "");
  let byName = false;
  let i = 0;
  // getopt over "n", as parse_options(parameter_s, 'n')
  for (; i < words.length && words[i].startsWith("-") && words[i] !== "-"; i++) {
    if (words[i] === "--") {
      i++;
      break;
    }
    for (const letter of words[i].slice(1)) {
      if (letter !== "n") throw new UsageError(`option -${letter} not recognized ( allowed: "n" )`);
      byName = true;
    }
  }
  const name = words.slice(i).join(" ");
  try {
    session.deleteVariable(name, byName);
  } catch (e) {
    if (!(e instanceof HostRaise)) throw e;
    session.write("stdout", `${e.typeName}: ${e.text}\n`);
  }
  return null;
}
