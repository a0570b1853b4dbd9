// `deno task lessons [NOTEBOOK.ipynb ...]`: re-executes the lessons (all of notebooks/ by
// default) on glasspy with nbclient and writes them back in place with glasspy's outputs,
// so that they read well on a code host without a kernel (see rerun.py); with no
// argument it also draws the pictures of notebooks/images/ (images.ts).

import { repoRoot } from "../glasspy.ts";
import { lessonsHome } from "./jupyter_home.ts";
import { renderAll } from "./images.ts";

const notebooks = Deno.args.length > 0 ? Deno.args : [...Deno.readDirSync(`${repoRoot}notebooks`)]
  .filter((e) => e.isFile && /^\d.*\.ipynb$/.test(e.name))
  .map((e) => `${repoRoot}notebooks/${e.name}`)
  .sort();

if (Deno.args.length === 0) console.error(`pictures drawn: ${(await renderAll()).join(", ")}`);

const home = await lessonsHome();
let code = 1;
try {
  ({ code } = await new Deno.Command("/usr/bin/python3", {
    args: [`${repoRoot}tests/notebooks/rerun.py`, ...notebooks],
    env: home.env,
    stdin: "null",
    stdout: "inherit",
    stderr: "inherit",
  }).output());
} finally {
  await home.cleanup();
}
Deno.exit(code);
