// A private Jupyter home for running the lessons: the glasspy kernelspec installed into it
// as `install --prefix` installs it, ipykernel's kernelspec from the system, and an IPython
// startup file that gives ipykernel the lessons' magics (ipykernel_startup.py).

import { installKernelspec, KERNEL_NAME } from "../../kernel/kernelspec.ts";

const here = new URL("./", import.meta.url).pathname;

export interface LessonsHome {
  dir: string;
  /** Environment for Jupyter's clients and servers: every path points into `dir`. */
  env: Record<string, string>;
  cleanup(): Promise<void>;
}

export async function lessonsHome(): Promise<LessonsHome> {
  const dir = await Deno.makeTempDir({ prefix: "glasspy-lessons-" });
  installKernelspec({ prefix: dir, name: KERNEL_NAME });
  const startup = `${dir}/ipython/profile_default/startup`;
  await Deno.mkdir(startup, { recursive: true });
  await Deno.copyFile(`${here}ipykernel_startup.py`, `${startup}/00-glasspy-magics.py`);
  await Deno.mkdir(`${dir}/tmp`);
  return {
    dir,
    env: {
      JUPYTER_PATH: `${dir}/share/jupyter`,
      JUPYTER_DATA_DIR: `${dir}/data`,
      JUPYTER_RUNTIME_DIR: `${dir}/runtime`,
      JUPYTER_CONFIG_DIR: `${dir}/config`,
      IPYTHONDIR: `${dir}/ipython`,
      TMPDIR: `${dir}/tmp`,
      PYDEVD_DISABLE_FILE_VALIDATION: "1",
      GLASSPY_KERNEL_NAME: KERNEL_NAME,
    },
    cleanup: () => Deno.remove(dir, { recursive: true }),
  };
}
