// The kernelspec: how Jupyter finds and starts glasspy. `install` writes kernel.json into
// a Jupyter data directory, as `jupyter kernelspec install` would.

import { join } from "node:path";
import { userDataDir } from "./data_dir.ts";
export { userDataDir };
import { UsageError } from "../cli/main.ts";
import { PYTHON_VERSION } from "../runtime/version.ts";

export const KERNEL_NAME = "glasspy";

/**
 * The V8 options every glasspy process runs with (the glasspy script and deno.json's tasks
 * spell the same list):
 * - stack-size: V8's default stack (about 1 MB) overflows before CPython's limits do (200
 *   nested brackets in the parser, the recursion limit in the VM's slot calls). 4000 KB
 *   fits Deno's 8 MB main thread and, barely, its worker threads (about 4 MB: 4100 KB
 *   already crashes a worker that recurses to the end of its stack).
 * - max-semi-space-size: V8's young generation grows to 16 MB per semi-space while a
 *   program allocates; at 8 MB it stays near CPython's memory per live object (within 3x
 *   for floats, tuples and instances in bench-gc) and the bench programs run as fast.
 */
export const V8_OPTIONS = "--stack-size=4000,--max-semi-space-size=8";
export const V8_FLAGS = `--v8-flags=${V8_OPTIONS}`;
export const DISPLAY_NAME = "Python 3.11 (glasspy)";

/** Where the kernel's launcher finds Perl (Linux: Debian's perl-base is always there) */
const PERL = "/usr/bin/perl";

/**
 * The launcher that opens the kernel's ports before Deno starts (kernel/launcher.pl), as
 * the first words of the kernel's command; none where it cannot run (not Linux, no Perl).
 */
export function launcher(): string[] {
  if (Deno.build.os !== "linux") return [];
  try {
    if (!Deno.statSync(PERL).isFile) return [];
  } catch {
    return [];
  }
  return [PERL, new URL("./launcher.pl", import.meta.url).pathname];
}

/**
 * The kernel.json Jupyter reads: it starts the Deno running now on this checkout's
 * `mod.ts kernel`, through the launcher that listens on the ports first (launcher()).
 * Run as the main module, mod.ts loads only the command line; the kernel verb then loads
 * the protocol and the sockets, and the session's worker loads the VM after the sockets
 * are bound (kernel_info needs no VM).
 */
export function kernelJson(): Record<string, unknown> {
  const root = new URL("../", import.meta.url);
  return {
    argv: [
      ...launcher(),
      Deno.execPath(),
      "run",
      "-A",
      "--quiet",
      V8_FLAGS,
      `--config=${new URL("deno.json", root).pathname}`,
      new URL("mod.ts", root).pathname,
      "kernel",
      "--connection-file",
      "{connection_file}",
    ],
    display_name: DISPLAY_NAME,
    language: "python",
    interrupt_mode: "message",
    metadata: { implementation: "glasspy", python_version: PYTHON_VERSION },
  };
}

interface InstallOptions {
  prefix?: string;
  name: string;
}

function parseInstallArgs(args: string[]): InstallOptions {
  const options: InstallOptions = { name: KERNEL_NAME };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = () => {
      const v = args[++i];
      if (v === undefined) throw new UsageError(`install: ${arg} needs a value`);
      return v;
    };
    if (arg === "--user") options.prefix = undefined;
    else if (arg === "--prefix") options.prefix = value();
    else if (arg.startsWith("--prefix=")) options.prefix = arg.slice("--prefix=".length);
    else if (arg === "--name") options.name = value();
    else if (arg.startsWith("--name=")) options.name = arg.slice("--name=".length);
    else throw new UsageError(`install: unknown option '${arg}'`);
  }
  if (!/^[a-zA-Z0-9._-]+$/.test(options.name)) {
    throw new UsageError(`install: '${options.name}' is not a valid kernel name`);
  }
  return options;
}

/** The logo files Jupyter shows beside the kernel's name (kernel/logo/). */
export const LOGOS = ["logo-32x32.png", "logo-64x64.png", "logo-svg.svg"];

/** Writes the kernelspec (kernel.json and the logos); returns the directory it went to. */
export function installKernelspec(options: InstallOptions): string {
  const base = options.prefix === undefined
    ? userDataDir()
    : join(options.prefix, "share", "jupyter");
  const dir = join(base, "kernels", options.name);
  Deno.mkdirSync(dir, { recursive: true });
  Deno.writeTextFileSync(join(dir, "kernel.json"), JSON.stringify(kernelJson(), null, 1) + "\n");
  for (const logo of LOGOS) {
    Deno.copyFileSync(new URL(`./logo/${logo}`, import.meta.url), join(dir, logo));
  }
  return dir;
}

/** `install [--user | --prefix DIR] [--name NAME]` */
export function install(args: string[]): Promise<number> {
  const dir = installKernelspec(parseInstallArgs(args));
  console.log(`Installed kernelspec ${DISPLAY_NAME} in ${dir}`);
  return Promise.resolve(0);
}
