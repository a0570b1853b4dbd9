// %who and %whos: the names the user bound, as IPython lists them.

import type { PyObject } from "../engine.ts";
import { PythonException } from "../engine.ts";
import type { Session } from "../session.ts";

/** IPython's who_ls: user names, sorted, optionally only those of the given type names. */
export function whoLs(session: Session, line: string): string[] {
  const types = new Set(line.split(/\s+/).filter((t) => t !== ""));
  let names = session.userNames();
  if (types.size > 0) {
    names = names.filter((n) => {
      const v = session.engine.getGlobal(n);
      if (v === null) return false;
      const keep = types.has(session.engine.typeName(v));
      session.engine.decref(v);
      return keep;
    });
  }
  return names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function nothing(session: Session, line: string): null {
  session.write(
    "stdout",
    line.trim() ? "No variables match your requested type.\n" : "Interactive namespace is empty.\n",
  );
  return null;
}

/** `%who [TYPE...]` */
export function who(session: Session, line: string): null {
  const names = whoLs(session, line);
  if (names.length === 0) return nothing(session, line);
  let out = "";
  let count = 0;
  for (const name of names) {
    out += name + "\t ";
    if (++count > 8) {
      count = 0;
      out += "\n";
    }
  }
  session.write("stdout", out + "\n");
  return null;
}

/** `%whos [TYPE...]`: a table of names, types and values. */
export function whos(session: Session, line: string): null {
  const e = session.engine;
  const names = whoLs(session, line);
  if (names.length === 0) return nothing(session, line);
  const values = names.map((n) => e.getGlobal(n)) as PyObject[];
  try {
    const types = values.map((v) => e.typeName(v));
    const varWidth = Math.max(...names.map((n) => n.length), "Variable".length) + 3;
    const typeWidth = Math.max(...types.map((t) => t.length), "Type".length) + 3;
    let out = "Variable".padEnd(varWidth) + "Type".padEnd(typeWidth) + " Data/Info\n" +
      "-".repeat(varWidth + typeWidth + "Data/Info".length + 1) + "\n";
    names.forEach((name, i) => {
      out += name.padEnd(varWidth) + types[i].padEnd(typeWidth) + " ";
      if (["dict", "list", "tuple"].includes(types[i])) {
        out += `n=${e.length(values[i])}\n`;
        return;
      }
      let text: string;
      try {
        text = e.str(values[i]);
      } catch (err) {
        if (!(err instanceof PythonException)) throw err;
        text = `<object with id ${e.info(values[i]).id} (str() failed)>`;
      }
      text = text.replace(/\n/g, "\\n");
      const chars = [...text];
      out += (chars.length < 50 ? text : chars.slice(0, 25).join("") + "<...>" +
        chars.slice(-25).join("")) + "\n";
    });
    session.write("stdout", out);
  } finally {
    for (const v of values) if (v !== null) e.decref(v);
  }
  return null;
}
