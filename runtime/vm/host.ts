// What the VM needs from whoever hosts it: the command line, the Deno REPL, or the shell
// session inside the kernel's worker. The VM is pure TypeScript; everything that touches
// the outside world comes through a Host.

/** Where a Python program's text goes. */
export type StreamName = "stdout" | "stderr";

export interface Host {
  /** Text written to sys.stdout or sys.stderr (the host may buffer and batch it). */
  write(stream: StreamName, text: string): void;

  /**
   * `input(prompt)`: blocks until a line is read and returns it without its newline, or
   * null at end of input (the VM then raises EOFError). A host that cannot read input
   * throws a HostRaise, which the VM raises as that Python exception.
   */
  readline(prompt: string, password: boolean): string | null;

  /** sys.stdout.flush() / sys.stderr.flush(): what was written should be shown now. */
  flush?(stream: StreamName): void;

  /**
   * Seconds of CPU time (user and system) the process has used, for time.process_time();
   * a host that cannot tell leaves it out, and the clock falls back to the monotonic one.
   */
  cpuTime?(): number;

  /**
   * The interrupt flag, usually over a SharedArrayBuffer that another thread writes.
   * Element 0 non-zero asks the VM to stop: at its next eval-breaker check (backward
   * jumps and calls, as in ceval.c) it stores 0 there and raises KeyboardInterrupt.
   */
  readonly interrupt: Int32Array;
}

/** Thrown by a Host to make the VM raise a Python exception of a builtin class by name. */
export class HostRaise extends Error {
  constructor(
    /** A builtin exception class name, e.g. "EOFError" or "RuntimeError" */
    readonly typeName: string,
    /** The exception's single argument */
    readonly text: string,
  ) {
    super(`${typeName}: ${text}`);
  }
}
