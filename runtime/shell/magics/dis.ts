// %dis and %%dis: bytecode, as dis.dis prints it. `%dis NAME_OR_EXPR` disassembles the
// object the expression gives; `%%dis` the cell's own code objects, compiled as the shell
// compiles a cell (one code object per top-level statement) and not run.
//
// Options of `%dis`: `--caches` shows the inline cache entries (dis's show_caches=True),
// `--html` draws the listing with its jumps as arrows and the constants, names, locals and
// exception table beside it, `--adaptive` asks for the specialized instructions
// (adaptive=True), which glasspy's VM does not make: it says so and shows the listing.

import type { PyObject } from "../engine.ts";
import { UsageError } from "../magics.ts";
import type { Session } from "../session.ts";
import { parseOptions } from "./magicargs.ts";
import { shellObject, vmEngine, vmObject } from "./vm.ts";
import { disassembleRecursive, type DisOptions } from "../../compiler/dis.ts";
import { PyCode_Check } from "../../objects/codeobject.ts";
import type { PyObject as VmObject } from "../../objects/object.ts";
import { codesOf, localsKinds, vmDisCode } from "../../glass/vmcode.ts";
import { disHtml, type DisSection, disSections } from "../../glass/disview.ts";

const SPEC = {
  html: { short: null, kind: "flag" },
  caches: { short: null, kind: "flag" },
  adaptive: { short: null, kind: "flag" },
} as const;

/** What `%dis --adaptive` says about glasspy's bytecode. */
export const ADAPTIVE_NOTE =
  "glasspy's VM does not specialize instructions in place (its inline caches are kept " +
  "beside the bytecode), so the adaptive listing is the listing itself.\n";

/** The listing of a value's code as text and as sections for the HTML view. */
export function disViews(
  session: Session,
  value: VmObject,
  showCaches: boolean,
): { text: string; sections: DisSection<VmObject>[]; options: DisOptions<VmObject> } {
  const codes = codesOf(value);
  if (codes === null) {
    throw new UsageError(
      "%dis --html, --caches and --adaptive take a function, method, class or code object",
    );
  }
  const e = session.engine;
  const options: DisOptions<VmObject> = {
    reprConst: (c) => e.repr(shellObject(c)),
    asCode: (c) => (PyCode_Check(c) ? vmDisCode(c) : null),
    showCaches,
  };
  const kindsOf = new Map<unknown, string[]>();
  const remember = (co: VmObject) => {
    kindsOf.set(vmDisCode(co).code, localsKinds(co));
    for (const c of vmDisCode(co).consts ?? []) if (PyCode_Check(c)) remember(c);
  };
  let text = "";
  const sections: DisSection<VmObject>[] = [];
  for (const [title, co] of codes) {
    remember(co);
    const listing = disassembleRecursive(vmDisCode(co), options);
    text += title === "" ? listing : `${title}\n${listing}\n`;
    sections.push(
      ...disSections(title, vmDisCode(co), (d) => kindsOf.get(d.code) ?? [], options),
    );
  }
  return { text, sections, options };
}

/** `%dis NAME_OR_EXPR [--html] [--caches] [--adaptive]` */
export function dis(session: Session, line: string): PyObject | null {
  const opts = parseOptions("dis", line, SPEC);
  const source = opts.rest;
  if (source === "") throw new UsageError("%dis needs a name or an expression, as %dis f");
  const e = session.engine;
  const plain = opts.flags.size === 0;
  if (!plain) vmEngine(session, "dis");
  const code = e.compile(source, "<dis>", "eval");
  try {
    const value = e.evaluate(code);
    try {
      if (plain) session.write("stdout", e.disassemble(value));
      else {
        if (opts.flags.has("adaptive")) session.write("stderr", ADAPTIVE_NOTE);
        const v = disViews(session, vmObject(value), opts.flags.has("caches"));
        if (!opts.flags.has("html")) session.write("stdout", v.text);
        else if (!session.isSilent) {
          session.displayData({
            data: { "text/plain": v.text, "text/html": disHtml(v.sections, v.options) },
            metadata: {},
          });
        }
      }
    } finally {
      e.decref(value);
    }
  } finally {
    e.release([code]);
  }
  return null;
}

/** `%%dis`: the cell's bytecode, statement by statement. */
export function disCell(session: Session, _line: string, cell: string): PyObject | null {
  const e = session.engine;
  const codes = e.compileCell(cell, "<dis>", true);
  try {
    session.write("stdout", codes.map((c) => e.disassembleCode(c)).join("\n"));
  } finally {
    e.release(codes);
  }
  return null;
}
