// %reset: forgets what the user defined, as IPython's hard reset does.

import { PythonException } from "../engine.ts";
import { UsageError } from "../magics.ts";
import type { Session } from "../session.ts";

/** `%reset [-f]`: without -f it asks first (and goes ahead when it cannot ask). */
export function reset(session: Session, line: string): null {
  const args = line.split(/\s+/).filter((a) => a !== "");
  let force = false;
  for (const a of args) {
    if (/^-[fs]+$/.test(a)) force ||= a.includes("f");
    else throw new UsageError(`%reset: glasspy supports only -f, not '${a}'`);
  }
  if (!force) {
    let answer: string | null = "y";
    try {
      answer = session.ask("Once deleted, variables cannot be recovered. Proceed (y/[n])?");
    } catch (e) {
      // IPython goes ahead when the front end cannot answer (StdinNotImplementedError)
      if (!(e instanceof PythonException) && !isStdinRefusal(e)) throw e;
    }
    if (answer === null || !/^y(es)?$/i.test(answer.trim())) {
      session.write("stdout", "Nothing done.\n");
      return null;
    }
  }
  session.reset();
  return null;
}

function isStdinRefusal(e: unknown): boolean {
  return e instanceof Error && "typeName" in e &&
    (e as { typeName: string }).typeName === "StdinNotImplementedError";
}
