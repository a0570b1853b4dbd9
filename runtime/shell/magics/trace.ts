// %%trace [--max N] [--refs]: runs the cell and shows every instruction the VM executed:
// offset, opcode, argument, source line, and the value stack after it with the refcounts
// of its objects (with --refs, the frame's locals too). Pages of rows are shown while the
// cell runs; after --max instructions (10,000 by default, no ceiling) the cell runs on
// untraced.

import type { PyObject } from "../engine.ts";
import { type FormattedException, PythonException } from "../engine.ts";
import { UsageError } from "../magics.ts";
import type { Session } from "../session.ts";
import { parseOptions } from "./magicargs.ts";
import { vmEngine } from "./vm.ts";
import { Tracer, type TraceRow } from "../../glass/tracer.ts";
import { tracePageHtml, tracePageText } from "../../glass/traceview.ts";
import { listen, unlisten } from "../../glass/instructionhook.ts";
import { endsWithSemicolon } from "../scan.ts";

const SPEC = {
  max: { short: "m", kind: "int" },
  refs: { short: "r", kind: "flag" },
} as const;

/** Instructions traced when --max is not given. */
export const DEFAULT_MAX = 10_000;
/** Rows per page. */
export const PAGE_SIZE = 500;
/** Pages shown unfolded; later ones are folded. */
const OPEN_PAGES = 2;

/** The options of `%%trace`'s line. */
export function traceOptions(line: string): { max: number; refs: boolean } {
  const opts = parseOptions("trace", line, SPEC);
  if (opts.rest !== "") {
    throw new UsageError(`%%trace takes --max N and --refs only, not ${JSON.stringify(opts.rest)}`);
  }
  const max = (opts.values.get("max") as number | undefined) ?? DEFAULT_MAX;
  if (max < 1) throw new UsageError("%%trace --max must be at least 1");
  return { max, refs: opts.flags.has("refs") };
}

/**
 * Runs `cell` in the session with the tracer listening; `onPage` gets each page of rows as
 * it completes. Python errors are shown as the cell's traceback; the trace covers what ran.
 */
export function runTraced(
  session: Session,
  cell: string,
  options: { max: number; refs: boolean; pageSize: number },
  onPage: (rows: TraceRow[], first: number) => void,
): { tracer: Tracer; error: FormattedException | null } {
  vmEngine(session, "trace");
  const e = session.engine;
  const filename = "<cell>";
  let codes;
  try {
    // a trailing `;` hides the last value (IPython's DisplayHook.quiet): it is then not
    // displayed, so neither is its display traced
    codes = e.compileCell(cell, filename, !endsWithSemicolon(cell));
  } catch (err) {
    if (!(err instanceof PythonException)) throw err;
    return { tracer: new Tracer({ ...options, onPage }), error: session.showTraceback(err) };
  }
  const tracer: Tracer = new Tracer({
    ...options,
    onPage,
    sources: new Map([[filename, cell]]),
    onStop: () => unlisten(tracer),
  });
  listen(tracer);
  let error: FormattedException | null = null;
  try {
    for (const code of codes) e.exec(code);
  } catch (err) {
    if (!(err instanceof PythonException)) throw err;
    error = session.showTraceback(err);
  } finally {
    unlisten(tracer);
    tracer.finish();
    e.release(codes);
  }
  return { tracer, error };
}

/** `%%trace [--max N] [--refs]` */
export function traceCell(session: Session, line: string, cell: string): PyObject | null {
  const { max, refs } = traceOptions(line);
  const show = !session.isSilent;
  const { tracer } = runTraced(session, cell, { max, refs, pageSize: PAGE_SIZE }, (rows, first) => {
    if (!show) return;
    session.displayData({
      data: {
        "text/plain": tracePageText(rows),
        "text/html": tracePageHtml(rows, first, first <= OPEN_PAGES * PAGE_SIZE),
        "application/json": { first, rows },
      },
      metadata: {},
    });
  });
  if (show) {
    const n = tracer.count.toLocaleString("en-US");
    const end = tracer.stopped
      ? `${n} instructions traced: the limit (--max ${max}); the cell ran on untraced.`
      : `${n} instructions traced.`;
    session.displayData({
      data: {
        "text/plain": end,
        "text/html": `<div style="font-family:monospace">${end}</div>`,
        "application/json": { instructions: tracer.count, stopped: tracer.stopped, max },
      },
      metadata: {},
    });
  }
  return null;
}
