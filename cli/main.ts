// The command line: parses the verb and hands the rest to the module that implements it.

import { GLASSPY_VERSION, PYTHON_VERSION } from "../runtime/version.ts";

const USAGE = `usage: deno run -A mod.ts <command> [arguments]

glasspy ${GLASSPY_VERSION}: a glass-box Python ${PYTHON_VERSION}

commands:
  run FILE.py [ARGS...]    run a Python file as \`python3 FILE.py\` does
  repl                     an interactive prompt
  dis FILE.py              disassemble a module as \`python3 -m dis FILE.py\` does
  kernel --connection-file FILE
                           serve Jupyter as a kernel
  install [--user | --prefix DIR] [--name NAME]
                           install the Jupyter kernelspec (default: --user)
  notebook [--no-browser]  install the kernelspec and open Jupyter Notebook on notebooks/

options:
  -h, --help               show this message
  -V, --version            show glasspy's version`;

/** A mistake in how the command line was written: reported with the usage, exit status 2. */
export class UsageError extends Error {}

type Verb = (args: string[]) => Promise<number>;

const verbs: Record<string, () => Promise<Verb>> = {
  run: async () => (await import("./run.ts")).run,
  repl: async () => (await import("./repl.ts")).repl,
  dis: async () => (await import("./dis.ts")).dis,
  kernel: async () => (await import("../kernel/main.ts")).kernel,
  install: async () => (await import("../kernel/kernelspec.ts")).install,
  notebook: async () => (await import("./notebook.ts")).notebook,
};

/** Runs the command line; returns the process exit status. */
export async function main(args: string[]): Promise<number> {
  const [verb, ...rest] = args;
  if (verb === undefined || verb === "-h" || verb === "--help" || verb === "help") {
    console.log(USAGE);
    return verb === undefined ? 2 : 0;
  }
  if (verb === "-V" || verb === "--version") {
    console.log(`glasspy ${GLASSPY_VERSION} (Python ${PYTHON_VERSION})`);
    return 0;
  }
  const load = verbs[verb];
  try {
    if (load === undefined) throw new UsageError(`unknown command '${verb}'`);
    return await (await load())(rest);
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`glasspy: ${e.message}\n${USAGE.split("\n")[0]}\n(--help lists the commands)`);
      return 2;
    }
    throw e;
  }
}
