// The lessons' pictures: each notebooks/images/NAME.dot is drawn to NAME.svg beside it with
// Graphviz compiled to WebAssembly (the same renderer as glasspy's views), so a picture is
// edited as text and reads the same on every machine.

import { Graphviz } from "@hpcc-js/wasm-graphviz";
import { repoRoot } from "../glasspy.ts";

export const imagesDir = `${repoRoot}notebooks/images`;

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
