// Where Jupyter's per-user data lives, and glasspy's history in it. Kept apart from
// kernelspec.ts and history.ts, and free of node: modules, so that the kernel's main thread
// finds its history file without loading Deno's Node compatibility layer (node:path) or
// SQLite at start-up.

/** Path segments joined with the system's separator. */
function joinPath(...parts: string[]): string {
  const sep = Deno.build.os === "windows" ? "\\" : "/";
  return parts.map((p, i) => i === 0 ? p.replace(/[\\/]+$/, "") : p).join(sep);
}

/** Jupyter's per-user data directory, as jupyter_core finds it on Linux and macOS. */
export function userDataDir(): string {
  const env = Deno.env.toObject();
  if (env.JUPYTER_DATA_DIR) return env.JUPYTER_DATA_DIR;
  const home = env.HOME ?? ".";
  if (Deno.build.os === "darwin") return joinPath(home, "Library", "Jupyter");
  if (Deno.build.os === "windows") return joinPath(env.APPDATA ?? home, "jupyter");
  return joinPath(env.XDG_DATA_HOME || joinPath(home, ".local", "share"), "jupyter");
}

/** Where glasspy keeps its history database. */
export function historyFile(): string {
  return joinPath(userDataDir(), "glasspy", "history.sqlite");
}
