// Reading a Python source file named on the command line, with CPython's wording when it
// cannot be opened.

/** A source file that could not be read: the message is CPython's, the status 2. */
export class CannotOpen extends Error {
  /** The errno part of the message, as `[Errno 2] No such file or directory`. */
  readonly reason: string;
  constructor(readonly path: string, cause: Error) {
    const reason = cause instanceof Deno.errors.NotFound
      ? "[Errno 2] No such file or directory"
      : cause instanceof Deno.errors.PermissionDenied
      ? "[Errno 13] Permission denied"
      : cause instanceof Deno.errors.IsADirectory
      ? "[Errno 21] Is a directory"
      : cause.message;
    super(`can't open file '${absoluteName(path)}': ${reason}`);
    this.reason = reason;
  }
}

/**
 * A file name made absolute as CPython 3.11 makes the script's name for `__file__`, code
 * objects, tracebacks and this message: the working directory put before a relative name,
 * without normalizing it (`python3 ./t.py` runs `/cwd/./t.py`).
 */
export function absoluteName(file: string): string {
  if (file === "" || file === ".") return Deno.cwd();
  return file.startsWith("/") ? file : `${Deno.cwd()}/${file}`;
}

/**
 * A directory named as the script: CPython runs its `__main__.py` through runpy, or says
 * it has none (status 1). glasspy does not run directories yet and says so (status 2).
 */
export class ScriptDirectory extends Error {
  constructor(readonly path: string, readonly status: number, message: string) {
    super(message);
  }
}

/** `python3 PATH` with a directory: throws ScriptDirectory; anything else passes. */
export function checkNotDirectory(path: string): void {
  const dir = path === "" ? "." : path;
  let isDirectory = false;
  try {
    isDirectory = Deno.statSync(dir).isDirectory;
  } catch {
    return; // reading the file says what is wrong
  }
  if (!isDirectory) return;
  const name = absoluteName(path);
  const hasMain = ["__main__.py", "__main__.pyc"].some((main) => {
    try {
      return Deno.statSync(`${dir}/${main}`).isFile;
    } catch {
      return false;
    }
  });
  if (!hasMain) throw new ScriptDirectory(path, 1, `can't find '__main__' module in '${name}'`);
  throw new ScriptDirectory(
    path,
    2,
    `running a directory's __main__ module is not supported yet: '${name}'`,
  );
}

/** Reads FILE as CPython's `python3 FILE` would; throws CannotOpen. */
export function readSource(path: string): Uint8Array {
  try {
    return Deno.readFileSync(path);
  } catch (e) {
    throw new CannotOpen(path, e as Error);
  }
}
