// The lessons' pictures: each SVG in notebooks/images/ is what its DOT source draws now,
// each picture copied out of a lesson is what that lesson's committed outputs show, and
// every picture a lesson or the README shows is there.

import { assertEquals } from "../assert.ts";
import { dotSources, imagesDir, OUTPUT_PICTURES, outputSvg, render } from "./images.ts";
import { repoRoot } from "../glasspy.ts";

Deno.test("each picture of the lessons is drawn from its DOT source", async () => {
  const sources = dotSources();
  if (sources.length === 0) throw new Error(`no DOT source in ${imagesDir}`);
  for (const name of sources) {
    const svg = await render(Deno.readTextFileSync(`${imagesDir}/${name}`));
    const file = `${imagesDir}/${name.replace(/\.dot$/, ".svg")}`;
    assertEquals(
      Deno.readTextFileSync(file),
      svg,
      `${file} is not what ${name} draws: run \`deno task lessons\``,
    );
  }
});

Deno.test("each picture taken from a lesson is the view its committed outputs show", () => {
  if (OUTPUT_PICTURES.length === 0) throw new Error("no picture is taken from a lesson");
  for (const picture of OUTPUT_PICTURES) {
    const svg = outputSvg(picture);
    if (!/^<svg[\s>]/m.test(svg) || !svg.includes("refcnt")) {
      throw new Error(`cell ${picture.cell} of ${picture.lesson} is not a reference graph`);
    }
    assertEquals(
      Deno.readTextFileSync(`${imagesDir}/${picture.file}`),
      svg,
      `${picture.file} is not the output of cell ${picture.cell} of ${picture.lesson}: ` +
        "run `deno task lessons`",
    );
  }
});

Deno.test("every picture the README shows is in the repository", () => {
  const readme = Deno.readTextFileSync(`${repoRoot}README.md`);
  const shown = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
  if (!shown.some((p) => OUTPUT_PICTURES.some((o) => p === `notebooks/images/${o.file}`))) {
    throw new Error("the README shows no picture taken from a lesson");
  }
  for (const path of shown) {
    if (/^https?:/.test(path)) continue;
    try {
      Deno.statSync(`${repoRoot}${path}`);
    } catch {
      throw new Error(`the README shows ${path}, which is not in the repository`);
    }
  }
});

Deno.test("every picture a lesson shows is in notebooks/", () => {
  const notebooks = [...Deno.readDirSync(`${repoRoot}notebooks`)]
    .filter((e) => e.name.endsWith(".ipynb"));
  let seen = 0;
  for (const entry of notebooks) {
    const nb = JSON.parse(Deno.readTextFileSync(`${repoRoot}notebooks/${entry.name}`));
    for (const cell of nb.cells) {
      if (cell.cell_type !== "markdown") continue;
      const text = (cell.source as string[]).join("");
      for (const m of text.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)) {
        seen++;
        const target = `${repoRoot}notebooks/${m[1]}`;
        try {
          Deno.statSync(target);
        } catch {
          throw new Error(`${entry.name} shows ${m[1]}, which is not in notebooks/`);
        }
      }
    }
  }
  if (seen === 0) throw new Error("no lesson shows a picture");
});
