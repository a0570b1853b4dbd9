// Running glasspy's command line as a user would: a child process of the same Deno.

import { V8_FLAGS } from "../kernel/kernelspec.ts";

const root = new URL("../", import.meta.url).pathname;

export interface Completed {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `deno run -A mod.ts ARGS...` in cwd (default: the repository) and collects it. */
export async function glasspy(
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; stdin?: string } = {},
): Promise<Completed> {
  const child = new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "-A",
      "--quiet",
      V8_FLAGS,
      `--config=${root}deno.json`,
      `${root}mod.ts`,
      ...args,
    ],
    cwd: options.cwd ?? root,
    env: options.env,
    stdin: options.stdin === undefined ? "null" : "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  if (options.stdin !== undefined) {
    const writer = child.stdin.getWriter();
    await writer.write(new TextEncoder().encode(options.stdin));
    await writer.close();
  }
  const out = await child.output();
  const dec = new TextDecoder();
  return { code: out.code, stdout: dec.decode(out.stdout), stderr: dec.decode(out.stderr) };
}

export const repoRoot = root;
