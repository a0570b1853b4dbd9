// `%ast` and `%%ast`: the syntax tree between the parser and the compiler, drawn top down
// as Graphviz lays it out. Each node is a box with its class (as the ast module names it)
// and its simple fields (identifiers, operators, contexts, constants); edges to child nodes
// are labelled with the field, and with the index for list fields (`body[0]`). The bundle
// also carries ast.dump's text, the DOT source and the tree as JSON data.

import type { ConstantValue } from "../compiler/ast.ts";
import { FIELDS, HAS_ATTRIBUTES } from "../compiler/ast.ts";
import { dump } from "../compiler/astdump.ts";
import { constRepr } from "../compiler/constrepr.ts";
import { strRepr } from "../objects/strrepr.ts";
import { digraph, htmlText, quote, tableNode } from "./dot.ts";
import { graphvizUnavailable, renderSvg } from "./graphviz.ts";

/** One node of the tree as the view holds it. */
export interface AstViewNode {
  id: string;
  /** The node's class: BinOp, Name, ... */
  type: string;
  /** Fields shown inside the node: [name, value as ast.dump writes it] */
  fields: [string, string][];
  /** lineno, col_offset, end_lineno, end_col_offset, when the class has them */
  position: [number, number, number, number] | null;
}

export interface AstViewEdge {
  from: string;
  to: string;
  /** The field, with the index for list fields: `body[0]`, `left` */
  label: string;
}

export interface AstView {
  nodes: AstViewNode[];
  edges: AstViewEdge[];
  /** ast.dump(tree) */
  dump: string;
}

const OPERATOR_FIELDS = new Set(["ctx", "op", "ops"]);

type Node = { _type: string } & Record<string, unknown>;

const isNode = (v: unknown): v is Node =>
  typeof v === "object" && v !== null && !Array.isArray(v) && "_type" in v;

const reprConst = (v: ConstantValue) => constRepr(v as Parameters<typeof constRepr>[0]);

/** The tree of `tree` (a node the parser made) as nodes and edges. */
export function astView(tree: unknown): AstView {
  const nodes: AstViewNode[] = [];
  const edges: AstViewEdge[] = [];
  const visit = (n: Node): string => {
    const id = `n${nodes.length}`;
    const node: AstViewNode = { id, type: n._type, fields: [], position: null };
    nodes.push(node);
    if (HAS_ATTRIBUTES.has(n._type) && typeof n.lineno === "number") {
      node.position = [
        n.lineno as number,
        n.col_offset as number,
        n.end_lineno as number,
        n.end_col_offset as number,
      ];
    }
    for (const name of FIELDS[n._type] ?? []) {
      const value = n[name];
      if (
        (n._type === "Constant" || n._type === "MatchSingleton") && name === "value"
      ) {
        node.fields.push([name, reprConst(value as ConstantValue)]);
      } else if (isNode(value)) {
        edges.push({ from: id, to: visit(value), label: name });
      } else if (Array.isArray(value)) {
        value.forEach((item, i) => {
          if (isNode(item)) edges.push({ from: id, to: visit(item), label: `${name}[${i}]` });
          else if (typeof item === "string" && OPERATOR_FIELDS.has(name)) {
            node.fields.push([`${name}[${i}]`, `${item}()`]);
          } else node.fields.push([`${name}[${i}]`, simple(item)]);
        });
        if (value.length === 0 && name !== "type_ignores") node.fields.push([name, "[]"]);
      } else if (value !== null && value !== undefined) {
        node.fields.push([
          name,
          typeof value === "string" && OPERATOR_FIELDS.has(name) ? `${value}()` : simple(value),
        ]);
      }
    }
    return id;
  };
  if (isNode(tree)) visit(tree);
  return {
    nodes,
    edges,
    dump: dump(tree, { reprConst, reprStr: strRepr, includeAttributes: false }),
  };
}

function simple(v: unknown): string {
  if (typeof v === "string") return strRepr(v);
  if (v === null || v === undefined) return "None";
  return String(v);
}

const COLOURS: Record<string, string> = {
  mod: "#e2e8f0",
  stmt: "#dbeafe",
  expr: "#dcfce7",
  other: "#fef3c7",
};

const STATEMENTS = new Set([
  "FunctionDef",
  "AsyncFunctionDef",
  "ClassDef",
  "Return",
  "Delete",
  "Assign",
  "AugAssign",
  "AnnAssign",
  "For",
  "AsyncFor",
  "While",
  "If",
  "With",
  "AsyncWith",
  "Match",
  "Raise",
  "Try",
  "TryStar",
  "Assert",
  "Import",
  "ImportFrom",
  "Global",
  "Nonlocal",
  "Expr",
  "Pass",
  "Break",
  "Continue",
]);

function colourOf(type: string): string {
  if (type === "Module" || type === "Expression" || type === "Interactive") return COLOURS.mod;
  if (STATEMENTS.has(type)) return COLOURS.stmt;
  if (HAS_ATTRIBUTES.has(type)) return COLOURS.expr;
  return COLOURS.other;
}

/** The tree in Graphviz's language, top down; `positions` adds each node's span. */
export function astDot(v: AstView, positions = false): string {
  const lines = v.nodes.map((n) => {
    const rows = [{ html: `<B>${htmlText(n.type)}</B>`, bgcolor: colourOf(n.type) }];
    for (const [name, value] of n.fields) {
      rows.push({ html: `${htmlText(name)}=${htmlText(value)}`, bgcolor: "#ffffff" });
    }
    if (positions && n.position !== null) {
      const [l, c, el, ec] = n.position;
      rows.push({ html: `<FONT COLOR="#666666">${l}:${c}-${el}:${ec}</FONT>`, bgcolor: "#ffffff" });
    }
    return tableNode(n.id, rows);
  });
  for (const e of v.edges) lines.push(`  ${e.from} -> ${e.to} [label=${quote(e.label)}];`);
  return digraph("ast", lines, v.nodes.length, "TB");
}

/** The MIME bundle `%ast` shows: the SVG picture, ast.dump's text, DOT and the tree. */
export function astBundle(v: AstView, positions = false): { [mime: string]: unknown } {
  const dot = astDot(v, positions);
  const bundle: { [mime: string]: unknown } = {
    "text/plain": v.dump,
    "text/vnd.graphviz": dot,
    "application/json": v,
  };
  let svg: string | null = null;
  let why = graphvizUnavailable();
  try {
    svg = renderSvg(dot);
  } catch (e) {
    why = `Graphviz failed: ${e instanceof Error ? e.message : String(e)}`;
  }
  if (svg !== null) bundle["image/svg+xml"] = svg;
  else bundle["text/plain"] = `${v.dump}\n(no picture: ${why})`;
  return bundle;
}
