// Writing Graphviz's DOT language: quoted strings, HTML-like labels, and the graph's
// frame. The glass views (reference graphs, collected islands, ASTs) build their
// pictures with these.

/** A DOT double-quoted string. */
export function quote(text: string): string {
  return '"' + text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n") + '"';
}

/** Text inside an HTML-like label (`<...>`). */
export function htmlText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;").replace(/]/g, "&#93;");
}

/** A node whose label is an HTML-like table of rows (each row: cells of markup). */
export function tableNode(
  id: string,
  rows: { html: string; port?: string; bgcolor?: string; align?: string }[],
  attrs: string[] = [],
): string {
  const trs = rows.map((r) => {
    const port = r.port === undefined ? "" : ` PORT=${quote(r.port)}`;
    const bg = r.bgcolor === undefined ? "" : ` BGCOLOR=${quote(r.bgcolor)}`;
    const align = ` ALIGN=${quote(r.align ?? "LEFT")}`;
    return `<TR><TD${port}${bg}${align}>${r.html}</TD></TR>`;
  }).join("");
  const label = `<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="3">${trs}</TABLE>>`;
  return `  ${id} [shape=plaintext, label=${label}${attrs.map((a) => ", " + a).join("")}];`;
}

/** Above this many nodes, Graphviz is asked for a quicker layout (straight edges). */
const BIG_GRAPH = 300;

/** A whole directed graph of `nodes` nodes, laid out left to right. */
export function digraph(name: string, lines: string[], nodes: number, rankdir = "LR"): string {
  // crossing minimisation and spline routing take most of the time of big graphs
  const quick = nodes > BIG_GRAPH ? ", splines=line, mclimit=0.1, nslimit=1, nslimit1=1" : "";
  return [
    `digraph ${quote(name)} {`,
    `  graph [rankdir=${rankdir}, fontname="Courier", nodesep=0.25, ranksep=0.5${quick}];`,
    `  node [fontname="Courier", fontsize=10];`,
    `  edge [fontname="Courier", fontsize=9, arrowsize=0.7];`,
    ...lines,
    "}",
  ].join("\n");
}
