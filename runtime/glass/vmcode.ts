// The VM's code objects as the disassembler reads them (a DisCode), and the code objects
// a value holds, as dis.dis finds them: a function's, a method's function's, a code
// object itself, a class's functions by name.

import type { DisCode } from "../compiler/dis.ts";
import { CO_FAST } from "../compiler/code.ts";
import { codeData, PyCode_Check } from "../objects/codeobject.ts";
import { funcData, PyFunction_Check } from "../objects/funcobject.ts";
import { PyMethod_Check, PyMethod_GET_FUNCTION } from "../objects/classobject.ts";
import { PyType_Check } from "../objects/typeobject.ts";
import { dictForEach } from "../objects/dictobject.ts";
import type { PyObject } from "../objects/object.ts";
import { str } from "../objects/objectops.ts";

/** A VM code object as dis reads it. */
export function vmDisCode(codeObject: PyObject): DisCode<PyObject> {
  const co = codeData(codeObject);
  return {
    code: co.code,
    consts: co.consts,
    names: co.names.map((n: PyObject) => str(n)),
    localsplusnames: (co.co_localsplusnames.ob_item as PyObject[]).map((n) => str(n)),
    linetable: co.co_linetable,
    firstlineno: co.co_firstlineno,
    exceptiontable: co.co_exceptiontable,
  };
}

/** The kind of each local slot of a VM code object: "local", "cell", "free" or a mix. */
export function localsKinds(codeObject: PyObject): string[] {
  return [...codeData(codeObject).co_localspluskinds].map((k) =>
    [
      (k & CO_FAST.LOCAL) !== 0 ? "local" : "",
      (k & CO_FAST.CELL) !== 0 ? "cell" : "",
      (k & CO_FAST.FREE) !== 0 ? "free" : "",
    ].filter((s) => s !== "").join("+")
  );
}

/**
 * The code objects dis.dis(value) shows, with the heading it prints before each (none for
 * a function or code object; "Disassembly of NAME:" for a class's functions); null when
 * the value holds no code.
 */
export function codesOf(value: PyObject): [string, PyObject][] | null {
  let v = value;
  if (PyMethod_Check(v)) v = PyMethod_GET_FUNCTION(v);
  if (PyFunction_Check(v)) return [["", funcData(v).code]];
  if (PyCode_Check(v)) return [["", v]];
  if (PyType_Check(v)) {
    const dict = (v as unknown as { tp_dict: PyObject | null }).tp_dict;
    const out: [string, PyObject][] = [];
    if (dict !== null) {
      dictForEach(dict, (k, x) => {
        let f = x;
        if (PyMethod_Check(f)) f = PyMethod_GET_FUNCTION(f);
        if (PyFunction_Check(f)) out.push([`Disassembly of ${str(k)}:`, funcData(f).code]);
        else if (PyCode_Check(f)) out.push([`Disassembly of ${str(k)}:`, f]);
      });
    }
    return out.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  }
  return null;
}
