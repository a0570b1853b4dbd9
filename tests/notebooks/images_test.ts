// The lessons' pictures: each SVG in notebooks/images/ is what its DOT source draws now,
// and every picture a lesson shows is there.

import { assertEquals } from "../assert.ts";
import { dotSources, imagesDir, render } from "./images.ts";
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
