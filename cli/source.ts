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
  return file.startsWith("/") ? file : `${Deno.cwd()}/${file}`;
}

/** Reads FILE as CPython's `python3 FILE` would; throws CannotOpen. */
export function readSource(path: string): Uint8Array {
  try {
    return Deno.readFileSync(path);
  } catch (e) {
    throw new CannotOpen(path, e as Error);
  }
}
