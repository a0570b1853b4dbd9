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

/**
 * Imports the module of a verb when it runs. The specifier is a computed URL: Deno loads
 * the module graph of every import() written with a literal string before the program's
 * first line runs (for `run`, all of the VM), whichever verb is asked for.
 */
async function load<T>(path: string, name: keyof T): Promise<Verb> {
  const module = await import(new URL(path, import.meta.url).href) as T;
  return module[name] as Verb;
}

const verbs: Record<string, () => Promise<Verb>> = {
  run: () => load<typeof import("./run.ts")>("./run.ts", "run"),
  repl: () => load<typeof import("./repl.ts")>("./repl.ts", "repl"),
  dis: () => load<typeof import("./dis.ts")>("./dis.ts", "dis"),
  kernel: () => load<typeof import("../kernel/main.ts")>("../kernel/main.ts", "kernel"),
  install: () =>
    load<typeof import("../kernel/kernelspec.ts")>("../kernel/kernelspec.ts", "install"),
  notebook: () => load<typeof import("./notebook.ts")>("./notebook.ts", "notebook"),
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
  const loadVerb = verbs[verb];
  try {
    if (loadVerb === undefined) throw new UsageError(`unknown command '${verb}'`);
    return await (await loadVerb())(rest);
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`glasspy: ${e.message}\n${USAGE.split("\n")[0]}\n(--help lists the commands)`);
      return 2;
    }
    throw e;
  }
}
