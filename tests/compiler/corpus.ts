// Oracle-checked corpora: one test per source file, with a committed list of known
// failures. A listed file is reported as skipped while it still fails, and fails the suite
// once it passes, so the list only shrinks.

import { AssertionError } from "../assert.ts";

export const repoRoot = new URL("../../", import.meta.url).pathname;

/** The .py files under dir (relative to the repository), sorted, as repository paths. */
export function pySources(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    let entries: Deno.DirEntry[];
    try {
      entries = [...Deno.readDirSync(repoRoot + rel)];
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => a.name < b.name ? -1 : 1)) {
      const p = `${rel}/${e.name}`;
      if (e.isDirectory) walk(p);
      else if (e.isFile && e.name.endsWith(".py")) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** The entries of an xfail list (one repository path per line; # starts a comment). */
export function readXfail(path: string): Set<string> {
  let text = "";
  try {
    text = Deno.readTextFileSync(repoRoot + path);
  } catch {
    return new Set();
  }
  return new Set(
    text.split("\n").map((l) => l.replace(/#.*/, "").trim()).filter((l) => l.length > 0),
  );
}

/**
 * Registers one test per file. check(file) throws (an AssertionError, say) when the file's
 * output is wrong. Files in the xfail list are checked at once: still failing, they are
 * registered as ignored; passing, they become a failing test asking to shrink the list.
 */
export function corpusTests(
  suite: string,
  files: string[],
  xfailPath: string,
  check: (file: string) => void,
): void {
  const xfail = readXfail(xfailPath);
  for (const file of files) {
    if (!xfail.has(file)) {
      Deno.test(`${suite}: ${file}`, () => check(file));
      continue;
    }
    let passes = true;
    try {
      check(file);
    } catch {
      passes = false;
    }
    if (passes) {
      Deno.test(`${suite}: ${file} (listed in ${xfailPath})`, () => {
        throw new AssertionError(`${file} passes now: remove it from ${xfailPath}`);
      });
    } else {
      Deno.test({ name: `${suite}: ${file} (known failure)`, ignore: true, fn: () => {} });
    }
  }
  const known = new Set(files);
  const stale = [...xfail].filter((f) => !known.has(f));
  if (stale.length) {
    Deno.test(`${suite}: ${xfailPath} lists only existing sources`, () => {
      throw new AssertionError(`${xfailPath} lists missing files: ${stale.join(", ")}`);
    });
  }
}

export function readText(path: string): string {
  return new TextDecoder().decode(Deno.readFileSync(repoRoot + path));
}

export function readOptional(path: string): string | null {
  try {
    return readText(path);
  } catch {
    return null;
  }
}
