// glasspy's code is written here: we read CPython to learn how it works, and do not copy it.
// This test looks for runs of lines in our sources that also stand, in the same order, in
// CPython 3.11's Lib/ (unpacked by ../shared/tools/cpython-source) or in the Python sources
// of IPython, ipykernel and jupyter_client (Debian's packages, which the tests use). Lines that are only
// data (a string or a number with punctuation, as in a table of names) don't count, nor
// do comments, imports and short lines.
//
// A file listed in tests/provenance_rewrite.txt is known to need rewriting in our own
// words; it is reported as ignored until it is rewritten, and then it must leave the list.

import { assert } from "./assert.ts";

const root = new URL("../", import.meta.url).pathname;
const RUN = 3; // lines in a row that make a match
const LIMIT = 6; // matched lines that make a file a copy

function findCpython(): string | null {
  const env = Deno.env.get("CPYTHON_SRC");
  if (env) return env;
  const tool = `${root}../shared/tools/cpython-source`;
  try {
    Deno.statSync(tool);
  } catch {
    return null;
  }
  const out = new Deno.Command("bash", { args: [tool], stdout: "piped", stderr: "null" })
    .outputSync();
  return out.success ? new TextDecoder().decode(out.stdout).trim() : null;
}

function normalize(line: string): string | null {
  const l = line.trim().replace(/\s+/g, " ");
  if (l.length < 12) return null;
  if (/^(#|\/\/|\/\*|\*|import |from \S+ import )/.test(l)) return null;
  // data: nothing left but punctuation once strings and numbers are gone
  const bare = l.replace(/(["'`])(?:\\.|(?!\1).)*\1/g, "").replace(/\b[\d.xXa-fA-F_]+\b/g, "");
  if (/^[\s,:;()[\]{}=+\-|]*$/.test(bare)) return null;
  return l;
}

function lines(text: string): string[] {
  return text.split("\n").map(normalize).filter((l): l is string => l !== null);
}

function* walk(dir: string, keep: (path: string) => boolean): Generator<string> {
  for (const e of Deno.readDirSync(dir)) {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory) {
      if (
        !["node_modules", ".git", "toolchain", ".test-results", "test", "tests"].includes(e.name) ||
        path.startsWith(`${root}tests`)
      ) yield* walk(path, keep);
    } else if (e.isFile && keep(path)) yield path;
  }
}

const cpython = findCpython();
const JUPYTER_SOURCES = ["IPython", "ipykernel", "jupyter_client"]
  .map((name) => `/usr/lib/python3/dist-packages/${name}`)
  .filter((dir) => {
    try {
      return Deno.statSync(dir).isDirectory;
    } catch {
      return false;
    }
  });
const listed = new Set(
  Deno.readTextFileSync(`${root}tests/provenance_rewrite.txt`).split("\n")
    .map((l) => l.trim()).filter((l) => l && !l.startsWith("#")),
);

Deno.test({
  name: "no run of lines in our sources is copied from CPython, IPython or ipykernel",
  ignore: cpython === null,
  fn() {
    const seen = new Map<string, string>(); // trigram -> a file it stands in
    for (const [base, label] of [[cpython!, ""], ...JUPYTER_SOURCES.map((d) => [d, d])]) {
      const dir = label === "" ? `${base}/Lib` : base;
      for (const file of walk(dir, (p) => p.endsWith(".py") && !p.includes("/test"))) {
        const ls = lines(Deno.readTextFileSync(file));
        const name = label === "" ? file.slice(base.length + 1) : file;
        for (let i = 0; i + RUN <= ls.length; i++) seen.set(ls.slice(i, i + RUN).join("\n"), name);
      }
    }
    const copies: string[] = [];
    const ours = (p: string) => /\.(ts|py)$/.test(p) && !p.endsWith("provenance_test.ts");
    for (const dir of ["runtime", "kernel", "cli", "bench", "tests"]) {
      for (const file of walk(`${root}${dir}`, ours)) {
        const ls = lines(Deno.readTextFileSync(file));
        const matched = new Uint8Array(ls.length);
        const sources = new Map<string, number>();
        for (let i = 0; i + RUN <= ls.length; i++) {
          const from = seen.get(ls.slice(i, i + RUN).join("\n"));
          if (from === undefined) continue;
          matched.fill(1, i, i + RUN);
          sources.set(from, (sources.get(from) ?? 0) + 1);
        }
        const count = matched.reduce((a, b) => a + b, 0);
        const rel = file.slice(root.length);
        if (count >= LIMIT && !listed.has(rel)) {
          const where = [...sources].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([f]) => f);
          copies.push(`${rel}: ${count} lines also in ${where.join(", ")}`);
        }
        if (count < LIMIT && listed.has(rel)) {
          copies.push(`${rel} is rewritten: remove it from tests/provenance_rewrite.txt`);
        }
      }
    }
    assert(
      copies.length === 0,
      `glasspy's code is written here, not copied: rewrite these in our own words:\n${
        copies.join("\n")
      }`,
    );
  },
});
