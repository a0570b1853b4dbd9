// %time and %%time: run a statement or a cell once and print CPU and wall time, in the
// words and number format of IPython's ExecutionMagics.time.

import type { Code, PyObject } from "../engine.ts";
import { PythonException } from "../engine.ts";
import type { Session } from "../session.ts";

/** IPython's _format_time: three significant digits and a unit, or "1min 2s" above a minute. */
export function formatTime(seconds: number, precision = 3): string {
  if (seconds >= 60) {
    const parts: [string, number][] = [["d", 86400], ["h", 3600], ["min", 60], ["s", 1]];
    const out: string[] = [];
    let left = seconds;
    for (const [suffix, length] of parts) {
      const value = Math.trunc(left / length);
      if (value > 0) {
        left = left % length;
        out.push(`${value}${suffix}`);
      }
      if (left < 1) break;
    }
    return out.join(" ");
  }
  const units = ["s", "ms", "\u00b5s", "ns"];
  const scaling = [1, 1e3, 1e6, 1e9];
  const order = seconds > 0 ? Math.min(-Math.floor(Math.floor(Math.log10(seconds)) / 3), 3) : 3;
  return `${formatG(seconds * scaling[order], precision)} ${units[order]}`;
}

/** Python's "%.*g" formatting: the exponent is the one of the value rounded to `precision` digits. */
export function formatG(x: number, precision: number): string {
  if (x === 0) return "0";
  const sci = x.toExponential(precision - 1);
  const exp = Number(sci.slice(sci.indexOf("e") + 1));
  const strip = (s: string) => (s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s);
  if (exp < -4 || exp >= precision) {
    const mantissa = strip(sci.slice(0, sci.indexOf("e")));
    return `${mantissa}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  return strip(x.toFixed(precision - 1 - exp));
}

function report(session: Session, wall: number, user: number, system: number): void {
  session.write(
    "stdout",
    `CPU times: user ${formatTime(user)}, sys: ${formatTime(system)}, total: ${
      formatTime(user + system)
    }\nWall time: ${formatTime(wall)}\n`,
  );
}

/** Times `run`; an exception is shown and the magic returns None, as IPython's does. */
function timed(session: Session, run: () => PyObject | null): PyObject | null {
  const clock = session.clock;
  const wall0 = clock.wall();
  const cpu0 = clock.cpu();
  let out: PyObject | null;
  try {
    out = run();
  } catch (e) {
    if (!(e instanceof PythonException)) throw e;
    session.showTraceback(e);
    return null;
  }
  const cpu1 = clock.cpu();
  const wall1 = clock.wall();
  report(session, wall1 - wall0, cpu1.user - cpu0.user, cpu1.system - cpu0.system);
  return out;
}

/** Compiles a statement the way IPython's %time does: an expression in 'eval' mode. */
function compileTimed(session: Session, source: string): { code: Code; eval: boolean } | Code[] {
  const e = session.engine;
  try {
    return { code: e.compile(source, "<timed eval>", "eval"), eval: true };
  } catch (err) {
    if (!(err instanceof PythonException)) throw err;
    e.decref(err.exception);
  }
  return e.compileCell(source, "<timed exec>", true);
}

function run(session: Session, source: string): PyObject | null {
  let compiled: ReturnType<typeof compileTimed>;
  try {
    compiled = compileTimed(session, source);
  } catch (e) {
    if (!(e instanceof PythonException)) throw e;
    session.showTraceback(e);
    return null;
  }
  const e = session.engine;
  const codes = Array.isArray(compiled) ? compiled : [compiled.code];
  try {
    if (!Array.isArray(compiled)) return timed(session, () => e.evaluate(compiled.code));
    return timed(session, () => {
      for (const code of compiled) e.exec(code);
      return null;
    });
  } finally {
    e.release(codes);
  }
}

/** `%time STATEMENT` */
export function time(session: Session, line: string): PyObject | null {
  return run(session, line);
}

/** `%%time` */
export function timeCell(session: Session, _line: string, cell: string): PyObject | null {
  return run(session, cell);
}
