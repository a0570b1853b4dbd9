// %refs EXPR [--depth N] [--back]: the object an expression gives, drawn with what it
// refers to (or, with --back, who refers to it) as a graph; %refs alone draws the user's
// namespace. The bundle carries the SVG, a text listing, the DOT source and the graph's
// data.

import type { PyObject as ShellObject } from "../engine.ts";
import type { Session } from "../session.ts";
import { UsageError } from "../magics.ts";
import { parseOptions } from "./magicargs.ts";
import { namespaces, vmEngine, vmObject } from "./vm.ts";
import { referentGraph, referrerGraph, type RefGraph } from "../../glass/refgraph.ts";
import { refGraphBundle } from "../../glass/refgraphview.ts";
import type { PyObject } from "../../objects/object.ts";

const SPEC = {
  depth: { short: "d", kind: "int" },
  back: { short: "b", kind: "flag" },
} as const;

/**
 * The graph `%refs` draws for `line` (the magic's arguments), computed in the session:
 * shared by the magic and the TypeScript API (Session.glass views).
 */
export function refsGraph(session: Session, line: string): RefGraph {
  const opts = parseOptions("refs", line, SPEC);
  const depth = opts.values.get("depth") as number | undefined;
  return refsGraphOf(session, opts.rest, depth, opts.flags.has("back"));
}

/**
 * The graph of what `expression`'s value refers to (or, with `back`, who refers to it),
 * `depth` references deep; an empty expression draws the user's namespace.
 */
export function refsGraphOf(
  session: Session,
  expression: string,
  depthOpt: number | undefined,
  back: boolean,
): RefGraph {
  const engine = vmEngine(session, "refs");
  const e = session.engine;
  if (depthOpt !== undefined && (!Number.isInteger(depthOpt) || depthOpt < 0)) {
    throw new UsageError(`%refs --depth is a whole number, not ${depthOpt}`);
  }
  const held: ShellObject[] = [];
  const ownRefs = new Map<PyObject, number>();
  const hold = (o: ShellObject) => {
    held.push(o);
    ownRefs.set(vmObject(o), (ownRefs.get(vmObject(o)) ?? 0) + 1);
    return vmObject(o);
  };
  try {
    const graphOpts = { ownRefs, namespaces: namespaces(engine), depth: depthOpt };
    if (expression === "") {
      if (back) {
        throw new UsageError("%refs --back needs an expression: whose referrers to show");
      }
      const roots: [string, PyObject][] = [];
      for (const name of session.userNames()) {
        const v = e.getGlobal(name);
        if (v !== null) roots.push([name, hold(v)]);
      }
      return referentGraph("Globals", roots, { ...graphOpts, depth: depthOpt ?? 2 });
    }
    const code = e.compile(expression, "<refs>", "eval");
    let value: PyObject;
    try {
      value = hold(e.evaluate(code));
    } finally {
      e.release([code]);
    }
    if (back) return referrerGraph(value, graphOpts);
    const isName = /^[A-Za-z_][A-Za-z0-9_]*$/.test(expression) &&
      session.engine.globalNames().includes(expression);
    return referentGraph(isName ? "Globals" : "expression", [[expression, value]], graphOpts);
  } finally {
    for (const o of held) e.decref(o);
  }
}

/** `%refs [EXPR] [--depth N] [--back]` */
export function refs(session: Session, line: string): null {
  const graph = refsGraph(session, line);
  if (!session.isSilent) session.displayData({ data: refGraphBundle(graph), metadata: {} });
  return null;
}
