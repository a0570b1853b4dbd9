// `notebook`: the main job. Installs the kernelspec for this user and opens Jupyter
// Notebook on the lesson notebooks, which then start glasspy kernels.

import { installKernelspec, KERNEL_NAME } from "../kernel/kernelspec.ts";

export async function notebook(args: string[]): Promise<number> {
  const dir = installKernelspec({ name: KERNEL_NAME });
  console.error(`glasspy: kernelspec installed in ${dir}`);
  const notebooks = new URL("../notebooks/", import.meta.url).pathname;
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
  // Jupyter asks before it stops on Ctrl-C; let it, rather than dying under it.
  const ignore = () => {};
  Deno.addSignalListener("SIGINT", ignore);
  const status = await child.status;
  Deno.removeSignalListener("SIGINT", ignore);
  return status.code;
}
