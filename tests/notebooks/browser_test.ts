// The lessons in a real browser: Jupyter Notebook started as `deno task start` starts it,
// Debian's Chromium driven by playwright-core. Every lesson opens and renders (a screenshot
// of each goes to .test-results/lessons/); lesson 03 is run from the Cell menu and its
// outputs are checked in the page: the reference counts, a `%refs` graph drawn as SVG and a
// `%%stats` table. The lessons on disk are left as they were.

import { type BrowserContext, chromium, type Page } from "playwright-core";
import { repoRoot } from "../glasspy.ts";
import { lessonsHome } from "./jupyter_home.ts";

const CHROMIUM = "/usr/bin/chromium";
const shots = `${repoRoot}.test-results/lessons`;
const TIMEOUT = 240_000;

function lessonFiles(): string[] {
  return [...Deno.readDirSync(`${repoRoot}notebooks`)]
    .filter((e) => e.isFile && /^\d.*\.ipynb$/.test(e.name))
    .map((e) => e.name)
    .sort();
}

function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  listener.close();
  return port;
}

/** Jupyter Notebook on notebooks/, started by `deno task start`, in a private Jupyter home. */
async function startServer(env: Record<string, string>) {
  const port = freePort();
  const token = crypto.randomUUID().replaceAll("-", "");
  const base = `http://127.0.0.1:${port}`;
  const child = new Deno.Command(Deno.execPath(), {
    args: [
      "task",
      "--quiet",
      `--config=${repoRoot}deno.json`,
      "start",
      "--no-browser",
      `--port=${port}`,
      "--port-retries=0",
      "--ip=127.0.0.1",
      `--NotebookApp.token=${token}`,
    ],
    cwd: repoRoot,
    env,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const log: string[] = [];
  const collect = async (stream: ReadableStream<Uint8Array>) => {
    for await (const chunk of stream.pipeThrough(new TextDecoderStream())) log.push(chunk);
  };
  const pumps = Promise.all([collect(child.stdout), collect(child.stderr)]);
  const deadline = Date.now() + 60_000;
  let exited = false;
  child.status.then(() => exited = true);
  for (;;) {
    try {
      const r = await fetch(`${base}/api/status?token=${token}`);
      await r.body?.cancel();
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (exited || Date.now() > deadline) {
      throw new Error(`Jupyter Notebook did not start:\n${log.join("")}`);
    }
    await new Promise((ok) => setTimeout(ok, 200));
  }
  return {
    base,
    token,
    log,
    async stop() {
      try {
        const r = await fetch(`${base}/api/shutdown?token=${token}`, { method: "POST" });
        await r.body?.cancel();
      } catch {
        // already gone
      }
      const timer = setTimeout(() => {
        try {
          child.kill("SIGKILL");
        } catch { /* exited */ }
      }, 20_000);
      await child.status;
      clearTimeout(timer);
      await pumps;
    },
  };
}

/**
 * The browser's globals, as the functions that run in the page see them (Deno's types have
 * no DOM; a function given to page.evaluate is serialized, so it can only name globals).
 */
// deno-lint-ignore no-explicit-any
type Page$ = any;

/** Opens a lesson and waits until the notebook and its pictures are on the page. */
async function openLesson(page: Page, base: string, token: string, name: string) {
  await page.goto(`${base}/notebooks/${name}?token=${token}`);
  await page.waitForFunction(
    () => {
      const nb = (globalThis as Page$).Jupyter?.notebook;
      return nb?._fully_loaded === true;
    },
    null,
    { timeout: TIMEOUT },
  );
  // the test runs cells; nothing of it may be saved over the lesson
  await page.evaluate(() => (globalThis as Page$).Jupyter.notebook.set_autosave_interval(0));
  await page.waitForFunction(
    () =>
      [...(globalThis as Page$).document.images].every((i: { complete: boolean }) => i.complete),
    null,
    { timeout: TIMEOUT },
  );
}

/** A screenshot of the whole notebook (Jupyter scrolls inside #site; let the page grow). */
async function screenshot(page: Page, file: string) {
  await page.addStyleTag({
    content: "#site { height: auto !important; overflow: visible !important; }" +
      " body { overflow: visible !important; }",
  });
  await page.screenshot({ path: file, fullPage: true });
}

async function waitForKernelIdle(page: Page) {
  await page.waitForFunction(
    () => {
      const kernel = (globalThis as Page$).Jupyter?.notebook?.kernel;
      const icon = (globalThis as Page$).document.querySelector("#kernel_indicator_icon");
      return kernel?.is_connected() && icon?.classList.contains("kernel_idle_icon");
    },
    null,
    { timeout: TIMEOUT },
  );
}

async function menu(page: Page, top: string, item: string, submenu?: string) {
  await page.click(`#${top}`);
  if (submenu) await page.hover(`#${submenu} > a`);
  await page.click(`#${item} > a`);
}

/** Clears every output, runs all cells from the Cell menu and waits for the last one. */
async function runAll(page: Page) {
  await waitForKernelIdle(page);
  await menu(page, "celllink", "clear_all_output", "all_outputs");
  await page.waitForFunction(() =>
    (globalThis as Page$).document.querySelectorAll(".output_area").length === 0
  );
  await menu(page, "celllink", "run_all_cells");
  await page.waitForFunction(
    () => {
      const prompts: string[] = [
        ...(globalThis as Page$).document.querySelectorAll(".code_cell .input_prompt"),
      ]
        .map((p: { textContent: string | null }) => p.textContent ?? "");
      const done = prompts.every((p) => /\[\d+\]/.test(p));
      const stopped = (globalThis as Page$).document.querySelector(".output_error") !== null &&
        !prompts.some((p) => p.includes("[*]"));
      return done || stopped;
    },
    null,
    { timeout: TIMEOUT, polling: 250 },
  );
  // A prompt gets its number from the execute_reply (shell channel), which may come before
  // the cell's last outputs (iopub channel): wait until the page has seen, for every cell's
  // request, both the reply and the closing idle status (the kernel's callbacks mark them).
  await page.waitForFunction(
    () => {
      const nb = (globalThis as Page$).Jupyter.notebook;
      const pending = nb.kernel._msg_callbacks ?? {};
      return (nb.get_cells() as Page$[]).every((c) => {
        const callbacks = c.cell_type === "code" && c.last_msg_id
          ? pending[c.last_msg_id]
          : undefined;
        return callbacks === undefined || (callbacks.shell_done && callbacks.iopub_done);
      });
    },
    null,
    { timeout: TIMEOUT, polling: 250 },
  );
  await waitForKernelIdle(page);
}

/** What the page shows of a rendered output: an SVG picture or an HTML table. */
interface Shown {
  text: string;
  width: number;
  height: number;
}

interface CellOnPage {
  source: string;
  outputs: string[];
  errors: number;
  svgs: Shown[];
  tables: Shown[];
}

/** Each code cell's source and outputs as the page shows them. */
function cellsOnPage(page: Page): Promise<CellOnPage[]> {
  return page.evaluate(() => {
    const cells = (globalThis as Page$).Jupyter.notebook.get_cells() as Page$[];
    const shown = (e: Page$) => {
      const box = e.getBoundingClientRect();
      return { text: e.textContent ?? "", width: box.width, height: box.height };
    };
    return cells.filter((c) => c.cell_type === "code").map((c) => ({
      source: c.get_text() as string,
      outputs: [...c.element[0].querySelectorAll(".output_subarea")].map((
        o: { textContent: string | null },
      ) => o.textContent ?? ""),
      errors: c.element[0].querySelectorAll(".output_error").length as number,
      svgs: [...c.element[0].querySelectorAll(".output_subarea svg")].map(shown),
      tables: [...c.element[0].querySelectorAll(".output_subarea table")].map(shown),
    }));
  });
}

/** The cells that use a magic (`%refs`, `%%stats`) as their first line. */
function cellsOf(cells: CellOnPage[], magic: string): CellOnPage[] {
  return cells.filter((c) => c.source.trimStart().startsWith(magic));
}

/** Fails unless some cell of `magic` shows a rendered (non-empty) picture or table saying `words`. */
function assertRendered(
  cells: CellOnPage[],
  magic: string,
  what: "svgs" | "tables",
  words: string[],
) {
  const using = cellsOf(cells, magic);
  if (using.length === 0) throw new Error(`lesson 03 has no ${magic} cell`);
  const rendered = using.flatMap((c) => c[what]).filter((s) =>
    s.width > 0 && s.height > 0 && words.every((w) => s.text.includes(w))
  );
  if (rendered.length === 0) {
    const seen = using.map((c) => c[what].map((s) => `${s.width}x${s.height} ${s.text}`));
    throw new Error(
      `no ${magic} cell shows ${what === "svgs" ? "an SVG" : "a table"} with ${
        words.join(", ")
      } on the page; they show ${JSON.stringify(seen)}`,
    );
  }
}

Deno.test({
  name: "the lessons open in Jupyter Notebook in Chromium, and lesson 03 runs there",
  ignore: (() => {
    try {
      Deno.statSync(CHROMIUM);
      return false;
    } catch {
      return true;
    }
  })(),
  fn: async (t) => {
    const lessons = lessonFiles();
    const before = new Map(
      lessons.map((n) => [n, Deno.readTextFileSync(`${repoRoot}notebooks/${n}`)]),
    );
    await Deno.mkdir(shots, { recursive: true });
    const home = await lessonsHome();
    const profile = await Deno.makeTempDir({ prefix: "glasspy-chromium-" });
    const server = await startServer(home.env);
    let context: BrowserContext | null = null;
    try {
      context = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        headless: true,
        viewport: { width: 1280, height: 900 },
        args: [
          ...(Deno.uid() === 0 ? ["--no-sandbox"] : []),
          "--headless",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
        ],
      });
      const page = context.pages()[0] ?? await context.newPage();
      page.setDefaultTimeout(TIMEOUT);

      for (const name of lessons) {
        await t.step(`${name} opens trusted, with its committed outputs`, async () => {
          await openLesson(page, server.base, server.token, name);
          const trusted = await page.evaluate(() =>
            (globalThis as Page$).Jupyter.notebook.trusted === true
          );
          if (!trusted) throw new Error(`${name} opens untrusted: its SVG outputs are not shown`);
          const cells = await cellsOnPage(page);
          if (cells.length === 0) throw new Error(`${name} shows no code cell`);
          if (cells.every((c) => c.outputs.length === 0)) {
            throw new Error(`${name} shows no output: run \`deno task lessons\``);
          }
          await screenshot(page, `${shots}/${name.replace(/\.ipynb$/, ".png")}`);
        });
      }

      const lesson03 = lessons.find((n) => n.startsWith("03"));
      await t.step({
        name:
          "lesson 03 runs from the Cell menu and shows its counts, %refs graphs and %%stats tables",
        ignore: lesson03 === undefined,
        fn: async () => {
          await openLesson(page, server.base, server.token, lesson03!);
          await runAll(page);
          const cells = await cellsOnPage(page);
          const failed = cells.filter((c) => c.errors > 0);
          if (failed.length > 0) {
            throw new Error(
              `cells failed in the browser:\n${failed.map((c) => c.source).join("\n---\n")}`,
            );
          }
          const counts = cells.filter((c) => /sys\.getrefcount\([^)]*\)\s*$/.test(c.source));
          if (counts.length === 0) {
            throw new Error("lesson 03 has no cell ending in sys.getrefcount(...)");
          }
          for (const c of counts) {
            const shown = c.outputs.join("").trim();
            if (!/^\d+$/.test(shown)) {
              throw new Error(`a refcount cell shows ${JSON.stringify(shown)}:\n${c.source}`);
            }
          }
          // glasspy's views, rendered: a reference graph drawn by %refs, a table by %%stats
          assertRendered(cells, "%refs", "svgs", ["refcnt"]);
          assertRendered(cells, "%%stats", "tables", [
            "objects",
            "instructions",
            "reference counts",
            "increments",
            "decrements",
          ]);
          await screenshot(page, `${shots}/${lesson03!.replace(/\.ipynb$/, "")}-run.png`);
        },
      });
    } finally {
      await context?.close();
      await server.stop();
      await home.cleanup();
      await Deno.remove(profile, { recursive: true });
    }
    for (const [name, text] of before) {
      if (Deno.readTextFileSync(`${repoRoot}notebooks/${name}`) !== text) {
        throw new Error(`the browser test changed notebooks/${name}`);
      }
    }
  },
});
