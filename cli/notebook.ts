// `notebook`: the main job. Installs the kernelspec for this user and opens Jupyter
// Notebook on the lesson notebooks, which then start glasspy kernels. The lessons are
// marked trusted first (as `jupyter trust` does): they come with the code this command runs,
// and Jupyter shows the pictures in their committed outputs (SVG) only for trusted notebooks.

import { installKernelspec, KERNEL_NAME } from "../kernel/kernelspec.ts";

export async function notebook(args: string[]): Promise<number> {
  const dir = installKernelspec({ name: KERNEL_NAME });
  console.error(`glasspy: kernelspec installed in ${dir}`);
  const notebooks = new URL("../notebooks/", import.meta.url).pathname;
  await trustLessons(notebooks);
  const flags = [`--notebook-dir=${notebooks}`];
  const env = Deno.env.toObject();
  const headless = Deno.build.os === "linux" && !env.DISPLAY && !env.WAYLAND_DISPLAY;
  if (headless && !args.includes("--no-browser")) flags.push("--no-browser");
  if (Deno.uid() === 0) flags.push("--allow-root");
  let child: Deno.ChildProcess;
  try {
    child = new Deno.Command("jupyter", {
      args: ["notebook", ...flags, ...args],
      stdin: "inherit",
      stdout: "inherit",
      stderr: "inherit",
    }).spawn();
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
    console.error("glasspy: `jupyter` is not on PATH; install Jupyter Notebook (see README.md)");
    return 1;
  }
  // Jupyter asks before it stops on Ctrl-C; let it, rather than dying under it. A SIGTERM
  // (a service manager, `kill`) is passed on, so that Jupyter is not left running alone.
  const ignore = () => {};
  const passOn = () => {
    try {
      child.kill("SIGTERM");
    } catch {
      // it has ended already
    }
  };
  Deno.addSignalListener("SIGINT", ignore);
  Deno.addSignalListener("SIGTERM", passOn);
  const status = await child.status;
  Deno.removeSignalListener("SIGINT", ignore);
  Deno.removeSignalListener("SIGTERM", passOn);
  return status.code;
}

/** The lessons of `dir`, signed as trusted in this user's Jupyter data; warns on failure. */
async function trustLessons(dir: string): Promise<void> {
  const lessons = [...Deno.readDirSync(dir)]
    .filter((e) => e.isFile && e.name.endsWith(".ipynb"))
    .map((e) => `${dir}${e.name}`);
  if (lessons.length === 0) return;
  // `jupyter trust` where nbformat installed it; else nbformat.sign with Jupyter's own Python
  // (Debian's packages have no jupyter-trust)
  const jupyter = onPath("jupyter");
  if (jupyter === null) return;
  const attempts = [[jupyter, "trust", ...lessons]];
  const python = shebang(jupyter);
  if (python !== null) attempts.push([...python, "-m", "nbformat.sign", ...lessons]);
  for (const [cmd, ...args] of attempts) {
    try {
      const { success } = await new Deno.Command(cmd, { args, stdout: "null", stderr: "null" })
        .output();
      if (success) return;
    } catch {
      // not runnable: try the next way
    }
  }
  console.error("glasspy: could not mark the lessons trusted; run their cells to see pictures");
}

function onPath(name: string): string | null {
  for (const dir of (Deno.env.get("PATH") ?? "").split(":")) {
    if (dir === "") continue;
    try {
      if (Deno.statSync(`${dir}/${name}`).isFile) return `${dir}/${name}`;
    } catch {
      // not there
    }
  }
  return null;
}

/** The interpreter a script's `#!` line names (with its arguments), or null. */
function shebang(script: string): string[] | null {
  try {
    const head = new TextDecoder().decode(Deno.readFileSync(script).subarray(0, 256));
    const m = /^#!\s*(\S.*)$/m.exec(head.split("\n")[0]);
    if (m === null) return null;
    const words = m[1].trim().split(/\s+/);
    return words[0].endsWith("/env") ? words.slice(1) : words;
  } catch {
    return null;
  }
}
