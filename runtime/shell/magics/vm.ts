// The glass magics look inside objects, which only glasspy's own VM allows: its engine,
// the VM's objects behind the shell's opaque ones, and the namespaces (the user's globals,
// every loaded module's dict) by the title a view gives them.

import type { PyObject as ShellObject } from "../engine.ts";
import { UsageError } from "../magics.ts";
import type { Session } from "../session.ts";
import { VmEngine } from "../vm_engine.ts";
import type { PyObject } from "../../objects/object.ts";
import { dictForEach } from "../../objects/dictobject.ts";
import { PyModule_Check, PyModule_GetDict } from "../../objects/moduleobject.ts";
import { importState } from "../../vm/imports.ts";
import { str } from "../../objects/objectops.ts";

/** The session's VM engine; a UsageError for any other engine. */
export function vmEngine(session: Session, magic: string): VmEngine {
  if (session.engine instanceof VmEngine) return session.engine;
  throw new UsageError(`%${magic} looks inside glasspy's VM, and this session runs another engine`);
}

export const vmObject = (o: ShellObject) => o as unknown as PyObject;
export const shellObject = (o: PyObject) => o as unknown as ShellObject;

/** The user's globals as "Globals", and each loaded module's dict as "module NAME". */
export function namespaces(engine: VmEngine): Map<PyObject, string> {
  const out = new Map<PyObject, string>();
  const modules = importState.modules;
  if (modules !== null) {
    dictForEach(modules, (name, m) => {
      if (PyModule_Check(m)) out.set(PyModule_GetDict(m), `module ${str(name)}`);
    });
  }
  out.set(engine.interp.globals, "Globals");
  return out;
}
