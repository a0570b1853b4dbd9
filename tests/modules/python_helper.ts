// A Python helper run inside one glasspy interpreter, for corpus tests that ask a library
// module (tokenize, symtable) about many sources: the helper's source is executed once,
// then each call binds the given globals and evaluates one expression, returning its str()
// split into lines (or the formatted exception, as one line).

import { Interpreter, PythonError } from "../../runtime/vm/interpreter.ts";
import { PyDict_SetItemString } from "../../runtime/objects/dictobject.ts";
import { Py_DECREF, type PyObject } from "../../runtime/objects/object.ts";
import { str } from "../../runtime/objects/objectops.ts";
import { CaptureHost } from "../vm/capture_host.ts";

export function pythonHelper(
  helperSource: string,
): (expression: string, globals: Record<string, PyObject>) => string[] {
  let interp: Interpreter | null = null;
  return (expression, globals) => {
    if (interp === null) {
      interp = new Interpreter(new CaptureHost(), [""]);
      interp.exec(interp.compile(helperSource, { filename: "<test>", mode: "exec" }));
    }
    for (const [name, value] of Object.entries(globals)) {
      PyDict_SetItemString(interp.globals, name, value);
      Py_DECREF(value);
    }
    const code = interp.compile(expression, { filename: "<test>", mode: "eval" });
    try {
      const result = interp.exec(code);
      const text = str(result);
      Py_DECREF(result);
      return text.split("\n");
    } catch (e) {
      if (e instanceof PythonError) return [interp.formatException(e.exception)];
      throw e;
    } finally {
      Py_DECREF(code);
    }
  };
}
