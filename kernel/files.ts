// The files the shell writes itself (`%history -f FILE`), with Deno's file system: paths as
// os.path.expanduser reads them and relative to the kernel's working directory (the
// notebook's, as Jupyter starts kernels), errors as the OSError open() would raise.

import type { ShellFiles } from "../runtime/shell/session.ts";
import { HostRaise } from "../runtime/vm/host.ts";

/** Python's repr of a str without quotes or backslashes in it (file names nearly always). */
function quoted(path: string): string {
  return path.includes("'") && !path.includes('"')
    ? `"${path}"`
    : `'${path.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`;
}

/** open(path, "w")'s error for what Deno reported, as errno and strerror put it. */
function openError(e: unknown, path: string): HostRaise {
  const at = (errno: number, text: string) => `[Errno ${errno}] ${text}: ${quoted(path)}`;
  if (e instanceof Deno.errors.NotFound) {
    return new HostRaise("FileNotFoundError", at(2, "No such file or directory"));
  }
  if (e instanceof Deno.errors.PermissionDenied) {
    return new HostRaise("PermissionError", at(13, "Permission denied"));
  }
  if (e instanceof Deno.errors.IsADirectory) {
    return new HostRaise("IsADirectoryError", at(21, "Is a directory"));
  }
  if (e instanceof Deno.errors.NotADirectory) {
    return new HostRaise("NotADirectoryError", at(20, "Not a directory"));
  }
  return new HostRaise("OSError", `${(e as Error).message}: ${quoted(path)}`);
}

export const denoFiles: ShellFiles = {
  expandUser(path: string): string {
    if (!path.startsWith("~")) return path;
    const end = path.indexOf("/") < 0 ? path.length : path.indexOf("/");
    // ~user/... stays as it is (os.path.expanduser looks the user up; we do not)
    if (end !== 1) return path;
    const home = Deno.env.get("HOME");
    if (home === undefined) return path;
    return (home.replace(/\/+$/, "") + path.slice(1)) || "/";
  },
  exists(path: string): boolean {
    try {
      Deno.statSync(path);
      return true;
    } catch {
      return false;
    }
  },
  writeText(path: string, text: string): void {
    try {
      Deno.writeTextFileSync(path, text);
    } catch (e) {
      throw openError(e, path);
    }
  },
};
