// `kernel --connection-file FILE`: serves Jupyter over ZeroMQ.

import { UsageError } from "../cli/main.ts";
import { notBuiltYet } from "../cli/notyet.ts";

export function kernel(args: string[]): Promise<number> {
  const i = args.indexOf("--connection-file");
  const file = i >= 0 ? args[i + 1] : args.find((a) => a.startsWith("--connection-file="))
    ?.slice("--connection-file=".length);
  if (file === undefined) throw new UsageError("kernel needs --connection-file FILE");
  return Promise.resolve(notBuiltYet("kernel", "the kernel's protocol layer"));
}
