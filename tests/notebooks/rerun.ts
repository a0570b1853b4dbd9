// `deno task lessons [NOTEBOOK.ipynb ...]`: re-executes the lessons (all of notebooks/ by
// default) on glasspy with nbclient and writes them back in place with glasspy's outputs,
// so that they read well on a code host without a kernel (see rerun.py); then it draws the
// pictures of notebooks/images/ from their DOT sources and copies out the pictures taken
// from the lessons' outputs (images.ts).

import { repoRoot } from "../glasspy.ts";
import { lessonsHome } from "./jupyter_home.ts";
import { copyOutputPictures, renderAll } from "./images.ts";

const notebooks = Deno.args.length > 0 ? Deno.args : [...Deno.readDirSync(`${repoRoot}notebooks`)]
  .filter((e) => e.isFile && /^\d.*\.ipynb$/.test(e.name))
  .map((e) => `${repoRoot}notebooks/${e.name}`)
  .sort();

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
console.error(`pictures drawn: ${(await renderAll()).join(", ")}`);
console.error(`pictures copied from the lessons: ${copyOutputPictures().join(", ")}`);
Deno.exit(code);
