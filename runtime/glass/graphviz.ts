// Graphviz, compiled to WebAssembly (npm:@hpcc-js/wasm-graphviz): DOT in, SVG out, with
// no system Graphviz, in Deno and in a browser alike. Loading the WebAssembly takes a few
// hundred milliseconds and is asynchronous, while a cell runs synchronously: the host
// (the kernel's worker, the REPL, a Deno program) starts the load early with
// `loadGraphviz()` and waits for it before running cells; until it is loaded the views
// leave the picture out and say so.

import { Graphviz } from "@hpcc-js/wasm-graphviz";

let graphviz: Graphviz | null = null;
let loading: Promise<void> | null = null;
let failure: string | null = null;

/** Loads Graphviz once; later calls return the same promise. Never rejects. */
export function loadGraphviz(): Promise<void> {
  if (loading === null) {
    loading = Graphviz.load().then(
      (g) => {
        graphviz = g;
      },
      (e) => {
        failure = e instanceof Error ? e.message : String(e);
      },
    );
  }
  return loading;
}

/** Why there is no picture, or null when Graphviz is ready. */
export function graphvizUnavailable(): string | null {
  if (graphviz !== null) return null;
  if (failure !== null) return `Graphviz could not load: ${failure}`;
  return loading === null ? "Graphviz is not loaded" : "Graphviz is still loading";
}

/**
 * The SVG of a DOT graph laid out by `dot`, or null when Graphviz is not loaded. Throws
 * when Graphviz fails (it can run out of memory on big graphs); its WebAssembly instance
 * is then loaded afresh for the next picture.
 */
export function renderSvg(dot: string): string | null {
  if (graphviz === null) return null;
  try {
    return graphviz.dot(dot);
  } catch (e) {
    graphviz = null;
    loading = null;
    failure = null;
    loadGraphviz();
    throw e;
  }
}
