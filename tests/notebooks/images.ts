// The lessons' pictures, in notebooks/images/:
// - each NAME.dot is drawn to NAME.svg beside it with Graphviz compiled to WebAssembly (the
//   same renderer as glasspy's views), so a picture is edited as text and reads the same on
//   every machine;
// - each picture of OUTPUT_PICTURES is a glasspy view as a lesson's committed outputs show
//   it, copied out for pages that cannot show a notebook's outputs (the README).

import { Graphviz } from "@hpcc-js/wasm-graphviz";
import { repoRoot } from "../glasspy.ts";

export const imagesDir = `${repoRoot}notebooks/images`;

/** A picture copied from the outputs of a lesson's cell. */
export interface OutputPicture {
  /** the lesson's file name in notebooks/ */
  lesson: string;
  /** the id of the code cell whose output is the picture */
  cell: string;
  /** the file written in notebooks/images/ */
  file: string;
}

export const OUTPUT_PICTURES: OutputPicture[] = [
  // the README's picture of a %refs graph: two nodes referring to each other
  { lesson: "04-cycles-and-the-collector.ipynb", cell: "058f7583", file: "refs-cycle.svg" },
];

/** The DOT sources of the pictures, by file name. */
export function dotSources(): string[] {
  return [...Deno.readDirSync(imagesDir)]
    .filter((e) => e.isFile && e.name.endsWith(".dot"))
    .map((e) => e.name)
    .sort();
}

/** The SVG of one DOT source. */
export async function render(dot: string): Promise<string> {
  const graphviz = await Graphviz.load();
  return graphviz.dot(dot);
}

/** Draws every picture; returns the names of the SVG files written. */
export async function renderAll(): Promise<string[]> {
  const written = [];
  for (const name of dotSources()) {
    const svg = await render(Deno.readTextFileSync(`${imagesDir}/${name}`));
    const target = name.replace(/\.dot$/, ".svg");
    Deno.writeTextFileSync(`${imagesDir}/${target}`, svg);
    written.push(target);
  }
  return written;
}

interface NotebookCell {
  id?: string;
  cell_type: string;
  outputs?: { data?: Record<string, string | string[]> }[];
}

/** The SVG that the committed outputs of `picture`'s cell show (nbformat may split it in lines). */
export function outputSvg(picture: OutputPicture): string {
  const path = `${repoRoot}notebooks/${picture.lesson}`;
  const nb = JSON.parse(Deno.readTextFileSync(path)) as { cells: NotebookCell[] };
  const cell = nb.cells.find((c) => c.id === picture.cell);
  if (cell === undefined || cell.cell_type !== "code") {
    throw new Error(`${picture.lesson} has no code cell with the id ${picture.cell}`);
  }
  for (const output of cell.outputs ?? []) {
    const svg = output.data?.["image/svg+xml"];
    if (svg !== undefined) return Array.isArray(svg) ? svg.join("") : svg;
  }
  throw new Error(
    `cell ${picture.cell} of ${picture.lesson} shows no SVG: run \`deno task lessons\``,
  );
}

/** Copies every picture of OUTPUT_PICTURES out of its lesson; returns the names written. */
export function copyOutputPictures(): string[] {
  for (const picture of OUTPUT_PICTURES) {
    Deno.writeTextFileSync(`${imagesDir}/${picture.file}`, outputSvg(picture));
  }
  return OUTPUT_PICTURES.map((p) => p.file);
}
