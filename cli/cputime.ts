// The process's CPU time (user + system) for time.process_time() on the command line, read
// without Node's process module, whose compatibility layer costs about 10 ms of every start:
// clock_gettime(CLOCK_PROCESS_CPUTIME_ID) through the C library the kernel also calls
// (kernel/libc.ts), opened at the first call, as CPython reads it; /proc/self/stat (in clock
// ticks) where the C library cannot be opened.

import { openLibc } from "../kernel/libc.ts";

interface Clock {
  read(): number;
}

function libcClock(): Clock | null {
  const libc = openLibc();
  if (libc === null) return null;
  const clockId = Deno.build.os === "darwin" ? 12 : 2;
  const timespec = new BigInt64Array(2);
  return {
    read: () => {
      if (libc.symbols.clock_gettime(clockId, timespec) !== 0) return 0;
      return Number(timespec[0]) + Number(timespec[1]) / 1e9;
    },
  };
}

/** utime + stime of /proc/self/stat (fields 14 and 15, after the parenthesised name). */
const procClock: Clock = {
  read: () => {
    try {
      const stat = Deno.readTextFileSync("/proc/self/stat");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      return (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      return performance.now() / 1000;
    }
  },
};

let clock: Clock | null = null;

/** Seconds of CPU the process has used. */
export function processCpuTime(): number {
  clock ??= libcClock() ?? procClock;
  return clock.read();
}
