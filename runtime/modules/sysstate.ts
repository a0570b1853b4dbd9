// The sys module's namespace, reachable before and without importing sys.ts
// (_PySys_GetAttr): print() finds sys.stdout here, the error printer sys.stderr.

import type { PyObject } from "../objects/object.ts";
import { dictGetStr } from "../objects/dictobject.ts";
import { PyUnicode_InternFromString } from "../objects/unicodeobject.ts";

export const sysState: { dict: PyObject | null } = { dict: null };

const names = new Map<string, PyObject>();

/** sys.NAME (borrowed), or null when sys has no such attribute. */
export function sysGetObject(name: string): PyObject | null {
  const d = sysState.dict;
  if (d === null) return null;
  let key = names.get(name);
  if (key === undefined) {
    key = PyUnicode_InternFromString(name);
    names.set(name, key);
  }
  return dictGetStr(d, key);
}
