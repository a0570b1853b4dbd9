// %timeit and %%timeit, by IPython's rules (ExecutionMagics.timeit): options -n N (loops per
// measurement), -r R (measurements, 7 by default), -t / -c (wall clock time.time / CPU
// clock instead of time.perf_counter), -p P (significant digits), -q (print nothing), -o
// (return the TimeitResult). Without -n, the loop count is the first power of ten whose
// loop takes 0.2 s or more. The line printed is IPython's: "MEAN ± STD per loop (mean ±
// std. dev. of R runs, N loops each)", after a warning when the slowest run took more than
// four times the fastest. The statement runs inside a function (timeit_template.ts) whose
// globals are the user's namespace, with the cycle collector off while it loops.

import type { NativeFunction, PyObject } from "../engine.ts";
import { UsageError } from "../magics.ts";
import { HostRaise } from "../../vm/host.ts";
import type { Session } from "../session.ts";
import { transformCell } from "../transform.ts";
import { formatTime } from "./time.ts";

/** The measuring half, in Python: it runs where the timed code runs. */
const TIMEIT_SOURCE = `
import gc
import itertools
import math
import time


class TimeitResult:
    """One %timeit: loops (statement runs per measurement), repeat (measurements),
    all_runs (seconds per measurement), timings (seconds per loop, one per measurement),
    best and worst (seconds per loop), compile_time (seconds)."""

    __module__ = "IPython.core.magics.execution"

    def __init__(self, loops, repeat, best, worst, all_runs, compile_time, precision):
        # IPython's attribute names, which notebooks read
        vars(self).update(
            loops=loops, repeat=repeat, best=best, worst=worst, all_runs=all_runs,
            compile_time=compile_time, _precision=precision,
            timings=[seconds / loops for seconds in all_runs],
        )

    @property
    def average(self):
        """Mean seconds per loop."""
        return _mean(self.timings)

    @property
    def stdev(self):
        """Population standard deviation of the seconds per loop."""
        centre = _mean(self.timings)
        return _mean([(t - centre) ** 2 for t in self.timings]) ** 0.5

    def __str__(self):
        measured = "%d run%s" % (self.repeat, "" if self.repeat == 1 else "s")
        looped = "{:,} loop{}".format(self.loops, "" if self.loops == 1 else "s")
        mean = _format_time(self.average, self._precision)
        spread = _format_time(self.stdev, self._precision)
        return f"{mean} \\u00b1 {spread} per loop (mean \\u00b1 std. dev. of {measured}, {looped} each)"

    def _repr_pretty_(self, p, cycle):
        p.text("<TimeitResult : " + str(self) + ">")


def _mean(values):
    return math.fsum(values) / len(values)


def _once(inner, clock, count):
    # timeit.Timer.timeit's way: no collections while the loop runs
    was_on = gc.isenabled()
    gc.disable()
    try:
        return inner(itertools.repeat(None, count), clock)
    finally:
        if was_on:
            gc.enable()


def measure(inner, clock_name, number, repeat, precision, compile_ns, quiet):
    clock = getattr(time, clock_name)
    if number == 0:
        for power in range(10):
            number = 10 ** power
            if _once(inner, clock, number) >= 0.2:
                break
    runs = []
    for _ in range(repeat):
        runs.append(_once(inner, clock, number))
    compile_time = compile_ns / 1e9
    result = TimeitResult(
        number, repeat, min(runs) / number, max(runs) / number, runs, compile_time, precision
    )
    if not quiet:
        best, worst = result.best, result.worst
        if worst > 4 * best and best > 0 and worst > 1e-6:
            print(
                "The slowest run took %0.2f times longer than the fastest. This could mean"
                " that an intermediate result is being cached." % (worst / best)
            )
        print(result)
        if compile_time > 0.1:
            print("Compiler time: %.2f s" % compile_time)
    return result
`;

const measurers = new WeakMap<Session, PyObject>();

function measurer(session: Session): PyObject {
  let fn = measurers.get(session);
  if (fn !== undefined) return fn;
  const e = session.engine;
  const formatTimeNative: NativeFunction = (args) => {
    const seconds = e.asJson(args[0]);
    const precision = e.asJson(args[1]);
    return e.newStr(formatTime(Number(seconds), Number(precision)));
  };
  const module = e.runModule("glasspy._timeit", TIMEIT_SOURCE, {
    _format_time: formatTimeNative,
  });
  fn = e.getAttr(module, "measure")!;
  e.decref(module);
  measurers.set(session, fn);
  return fn;
}

interface TimeitOptions {
  number: number;
  repeat: number;
  precision: number;
  clock: "perf_counter" | "time" | "process_time";
  quiet: boolean;
  returnResult: boolean;
}

const SPEC = "n:r:tcp:qo";

/**
 * IPython's parse_options(line, "n:r:tcp:qo", posix=False, strict=False,
 * preserve_non_opts=True): getopt over the leading words, and the statement is the line
 * with each option and then its value taken out once (its first occurrence).
 */
export function splitTimeitLine(line: string): { found: [string, string][]; stmt: string } {
  const found: [string, string][] = [];
  const words = splitWords(line);
  let i = 0;
  while (i < words.length && words[i].startsWith("-") && words[i] !== "-") {
    if (words[i] === "--") break;
    let flags = words[i].slice(1);
    i++;
    while (flags !== "") {
      const letter = flags[0];
      flags = flags.slice(1);
      const at = SPEC.indexOf(letter);
      if (at < 0 || letter === ":") {
        throw new UsageError(`option -${letter} not recognized ( allowed: "${SPEC}" )`);
      }
      if (SPEC[at + 1] === ":") {
        if (flags === "") {
          if (i >= words.length) {
            throw new UsageError(`option -${letter} requires argument ( allowed: "${SPEC}" )`);
          }
          flags = words[i++];
        }
        found.push([`-${letter}`, flags]);
        flags = "";
      } else found.push([`-${letter}`, ""]);
    }
  }
  let rest = line;
  for (const [option, value] of found) rest = rest.replace(option, "").replace(value, "");
  return { found, stmt: rest.trimStart() };
}

function parseTimeitOptions(line: string): { options: TimeitOptions; stmt: string } {
  const { found, stmt } = splitTimeitLine(line);
  const values = new Map(found.map(([option, value]) => [option.slice(1), value]));
  const integer = (key: string, fallback: number): number => {
    const v = values.get(key);
    if (v === undefined) return fallback;
    const text = v.trim().replace(/_/g, "");
    if (!/^[+-]?\d+$/.test(text)) {
      throw new HostRaise("ValueError", `invalid literal for int() with base 10: '${v}'`);
    }
    return Number(text);
  };
  return {
    options: {
      number: integer("n", 0),
      repeat: integer("r", 7),
      precision: integer("p", 3),
      clock: values.has("c") ? "process_time" : values.has("t") ? "time" : "perf_counter",
      quiet: values.has("q"),
      returnResult: values.has("o"),
    },
    stmt,
  };
}

/** shlex in non-POSIX mode, as arg_split(posix=False): words, quotes kept with them. */
function splitWords(line: string): string[] {
  const words: string[] = [];
  let word = "";
  let quote: string | null = null;
  for (const c of line) {
    if (quote !== null) {
      word += c;
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      word += c;
      quote = c;
    } else if (/\s/.test(c)) {
      if (word !== "") words.push(word);
      word = "";
    } else word += c;
  }
  if (word !== "") words.push(word);
  return words;
}

function run(
  session: Session,
  setup: string,
  stmt: string,
  options: TimeitOptions,
): PyObject | null {
  const e = session.engine;
  if (e.timingFunction === undefined) throw new UsageError("%timeit needs glasspy's VM");
  // as IPython: each part must compile on its own first, so that its errors name it
  for (
    const [source, filename] of [[setup, "<magic-timeit-setup>"], [stmt, "<magic-timeit-stmt>"]]
  ) {
    e.release([e.compile(source, filename, "exec")]);
  }
  const cpu = () => {
    const c = session.clock.cpu();
    return c.user + c.system;
  };
  const t0 = cpu();
  const inner = e.timingFunction(setup, stmt);
  const compileNs = Math.max(0, Math.round((cpu() - t0) * 1e9));
  const args = [
    inner,
    e.newStr(options.clock),
    e.newInt(options.number),
    e.newInt(options.repeat),
    e.newInt(options.precision),
    e.newInt(compileNs),
    e.newInt(options.quiet ? 1 : 0),
  ];
  try {
    const result = e.call(measurer(session), args);
    if (options.returnResult) return result;
    e.decref(result);
    return null;
  } finally {
    for (const a of args) e.decref(a);
  }
}

/** `%timeit [-n N -r R -t -c -p P -q -o] STATEMENT` */
export function timeit(session: Session, line: string): PyObject | null {
  const { options, stmt } = parseTimeitOptions(line);
  if (stmt === "") return null;
  return run(session, "pass", transformCell(stmt), options);
}

/** `%%timeit [options] [SETUP]` then the cell, timed */
export function timeitCell(session: Session, line: string, cell: string): PyObject | null {
  const { options, stmt } = parseTimeitOptions(line);
  return run(session, transformCell(stmt), transformCell(cell), options);
}
