// The sys module's namespace, reachable before and without importing sys.ts
// (_PySys_GetAttr): print() finds sys.stdout here, the error printer sys.stderr.

import type { PyObject } from "../objects/object.ts";
import { dictGetStr } from "../objects/dictobject.ts";
import { _Py_ID } from "../objects/unicodeobject.ts";

export const sysState: { dict: PyObject | null } = { dict: null };

/** sys.NAME (borrowed), or null when sys has no such attribute (keys are &_Py_ID(NAME)). */
export function sysGetObject(name: string): PyObject | null {
  const d = sysState.dict;
  if (d === null) return null;
  return dictGetStr(d, _Py_ID(name));
}
