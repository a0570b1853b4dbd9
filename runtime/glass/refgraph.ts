// The reference graph of `%refs`, as data: objects as nodes (type, address, reference
// count, size, value), references as edges named by attribute, index or key, and the
// namespaces that name objects (the user's globals, a module) as nodes of names on the
// left, as Python Tutor and objgraph draw them. Forward, the graph follows what objects
// refer to, to a depth; backward (`--back`), who refers to them, found as gc.get_referrers
// finds them: by traversing every object the collector tracks.

import {
  gcstate,
  PyCFunction_Type,
  PyCode_Type,
  PyObject,
  PyTypeObject,
} from "../objects/object.ts";
import { PyModule_Check } from "../objects/moduleobject.ts";
import { referentsOf } from "./referents.ts";
import { addressText, refcountOf, shortValue, sizeOf, typeNameOf } from "./objectinfo.ts";
import { PyList_Check } from "../objects/listobject.ts";
import { PyTuple_Check } from "../objects/tupleobject.ts";
import { PyDict_Check } from "../objects/dictobject.ts";
import { PyAnySet_Check, setSize } from "../objects/setobject.ts";

/** An object in the graph. */
export interface RefObjectNode {
  kind: "object";
  /** The node's name in the graph (and in its DOT) */
  id: string;
  type: string;
  /** id() as hex */
  address: string;
  /**
   * sys.getrefcount(obj) - 1 as the program holds it (small ints and one-character strs on
   * CPython's scale, from its static 999999999); null for other static objects
   */
  refcount: number | null;
  /** sys.getsizeof(), when the type's __sizeof__ is built in */
  size: number | null;
  /** repr() of a simple value, or a name for functions, classes and modules */
  value: string | null;
  /** len() of lists, tuples, dicts and sets */
  length: number | null;
  /** Its references were followed (false: the depth ended, or it is not followed) */
  expanded: boolean;
}

/** A namespace naming objects: the user's globals, a module's, an expression. */
export interface RefNamesNode {
  kind: "names";
  id: string;
  title: string;
  names: string[];
}

export type RefNode = RefObjectNode | RefNamesNode;

export interface RefEdge {
  from: string;
  /** For edges from a names node: the name */
  name?: string;
  to: string;
  /** The reference's name: `[0]`, `['key']`, `.attr`, `__dict__`, or "" */
  label: string;
}

export interface RefGraph {
  /** referents: what the roots refer to; referrers: who refers to the root */
  direction: "referents" | "referrers";
  nodes: RefNode[];
  edges: RefEdge[];
  /** More objects were reachable than the graph holds */
  truncated: boolean;
}

export interface RefGraphOptions {
  /** How many references to follow from the roots (default 3) */
  depth?: number;
  /** At most this many object nodes (default 2000) */
  maxNodes?: number;
  /**
   * References the caller itself holds (the value of the evaluated expression): not counted
   * in the reference counts shown.
   */
  ownRefs?: Map<PyObject, number>;
  /** Dicts that are namespaces (module globals), shown as names, by title */
  namespaces?: Map<PyObject, string>;
}

/** Objects whose references are not followed: classes, modules, code, built-ins. */
function isOpaque(o: PyObject): boolean {
  return o instanceof PyTypeObject || PyModule_Check(o) || o.ob_type === PyCode_Type ||
    o.ob_type === PyCFunction_Type;
}

function lengthOf(o: PyObject): number | null {
  if (PyList_Check(o) || PyTuple_Check(o)) return (o.ob_item as unknown[]).length;
  if (PyDict_Check(o)) return o.ob_size;
  if (PyAnySet_Check(o)) return setSize(o);
  return null;
}

class Builder {
  readonly nodes: RefNode[] = [];
  readonly edges: RefEdge[] = [];
  readonly ids = new Map<PyObject, RefObjectNode>();
  readonly namespaceNodes = new Map<PyObject, RefNamesNode>();
  truncated = false;
  private count = 0;

  constructor(readonly opts: RefGraphOptions) {}

  get full(): boolean {
    return this.ids.size >= (this.opts.maxNodes ?? 2000);
  }

  names(title: string): RefNamesNode {
    const node: RefNamesNode = { kind: "names", id: `n${this.count++}`, title, names: [] };
    this.nodes.push(node);
    return node;
  }

  /** The node of o, made when first seen; null when the graph is full. */
  node(o: PyObject): RefObjectNode | null {
    const known = this.ids.get(o);
    if (known !== undefined) return known;
    if (this.full) {
      this.truncated = true;
      return null;
    }
    const rc = refcountOf(o);
    const node: RefObjectNode = {
      kind: "object",
      id: `n${this.count++}`,
      type: typeNameOf(o),
      address: addressText(o),
      refcount: rc === null ? null : rc - (this.opts.ownRefs?.get(o) ?? 0),
      size: sizeOf(o),
      value: shortValue(o),
      length: lengthOf(o),
      expanded: false,
    };
    this.ids.set(o, node);
    this.nodes.push(node);
    return node;
  }

  /** A namespace dict appears as its names node. */
  namespace(d: PyObject): RefNamesNode | null {
    const title = this.opts.namespaces?.get(d);
    if (title === undefined) return null;
    let node = this.namespaceNodes.get(d);
    if (node === undefined) {
      node = this.names(title);
      this.namespaceNodes.set(d, node);
    }
    return node;
  }

  graph(direction: RefGraph["direction"]): RefGraph {
    return { direction, nodes: this.nodes, edges: this.edges, truncated: this.truncated };
  }
}

/**
 * What the named objects refer to, `depth` references deep. `roots` is a namespace: its
 * title and its names with their objects, drawn on the left.
 */
export function referentGraph(
  title: string,
  roots: [string, PyObject][],
  opts: RefGraphOptions = {},
): RefGraph {
  const b = new Builder(opts);
  const depth = opts.depth ?? 3;
  const names = b.names(title);
  let frontier: PyObject[] = [];
  for (const [name, o] of roots) {
    const n = b.node(o);
    if (n === null) break;
    names.names.push(name);
    b.edges.push({ from: names.id, name, to: n.id, label: "" });
    frontier.push(o);
  }
  for (let level = 0; level < depth && frontier.length > 0; level++) {
    const next: PyObject[] = [];
    for (const o of frontier) {
      const from = b.ids.get(o)!;
      if (from.expanded || isOpaque(o)) continue;
      from.expanded = true;
      for (const r of referentsOf(o)) {
        // a reference to a namespace dict is drawn, the namespace is not followed
        const seen = b.ids.has(r.target);
        const to = b.node(r.target);
        if (to === null) break;
        b.edges.push({ from: from.id, to: to.id, label: r.label });
        if (!seen && !opts.namespaces?.has(r.target)) next.push(r.target);
      }
    }
    frontier = next;
  }
  return b.graph("referents");
}

/** Every object the collector tracks, in all generations and the permanent one. */
function* trackedObjects(): Generator<PyObject> {
  for (const g of [...gcstate.generations, gcstate.permanent]) {
    const head = g.head;
    for (let o = head.gc_next!; o !== head; o = o.gc_next!) yield o;
  }
}

/**
 * Who refers to `target`, and who refers to those, `depth` levels up. Namespace dicts
 * (`opts.namespaces`) appear as names nodes and are not followed further.
 */
export function referrerGraph(target: PyObject, opts: RefGraphOptions = {}): RefGraph {
  const b = new Builder(opts);
  const depth = opts.depth ?? 3;
  b.node(target);
  let frontier = new Set<PyObject>([target]);
  for (let level = 0; level < depth && frontier.size > 0 && !b.full; level++) {
    const next = new Set<PyObject>();
    const found: PyObject[] = [];
    for (const c of trackedObjects()) {
      let hit = false;
      c.ob_type.tp_traverse!(c, (x: PyObject) => {
        if (frontier.has(x)) hit = true;
        return hit ? 1 : 0;
      }, null);
      if (hit) found.push(c);
    }
    for (const c of found) {
      const names = b.namespace(c);
      for (const r of referentsOf(c)) {
        if (!frontier.has(r.target)) continue;
        const to = b.ids.get(r.target)!;
        if (names !== null) {
          const name = r.label.startsWith("['") ? keyName(r.label) : r.label;
          if (!names.names.includes(name)) names.names.push(name);
          b.edges.push({ from: names.id, name, to: to.id, label: "" });
          continue;
        }
        const seen = b.ids.has(c);
        const from = b.node(c);
        if (from === null) break;
        b.edges.push({ from: from.id, to: to.id, label: r.label });
        if (!seen && !isOpaque(c)) next.add(c);
      }
    }
    for (const o of frontier) {
      const n = b.ids.get(o);
      if (n !== undefined) n.expanded = true;
    }
    frontier = next;
  }
  return b.graph("referrers");
}

/** `['name']` back to `name` (dict labels of identifier keys, for names nodes). */
function keyName(label: string): string {
  const inner = label.slice(1, -1);
  return /^'[A-Za-z_][A-Za-z0-9_]*'$/.test(inner) ? inner.slice(1, -1) : label;
}
