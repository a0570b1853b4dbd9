// Input history, as IPython's HistoryManager keeps it: numbered sessions, each a list of
// (line, source, raw source) with the text/plain of outputs beside them. The kernel keeps
// it in SQLite so that it survives restarts (kernel/history.ts); this in-memory store
// serves the REPL and tests.

/** (session, line, input), or (session, line, [input, output]) when outputs are asked for. */
export type HistoryEntry = [number, number, string | [string, string | null]];

export interface HistoryQuery {
  raw: boolean;
  output: boolean;
}

export interface HistoryStore {
  /** The number of this session (1 for the first session a store ever held). */
  readonly session: number;
  storeInput(line: number, source: string, sourceRaw: string): void;
  storeOutput(line: number, output: string): void;
  /** The last n entries over all sessions, this session's first, oldest first. */
  tail(n: number, q: HistoryQuery): HistoryEntry[];
  /** Lines [start, stop) of a session (stop null: to the end); session <= 0 counts back from this one. */
  range(session: number, start: number, stop: number | null, q: HistoryQuery): HistoryEntry[];
  /** Entries whose source matches a glob pattern (`*`, `?`), as IPython's search. */
  search(pattern: string, n: number | null, unique: boolean, q: HistoryQuery): HistoryEntry[];
  /**
   * Writes what the store has cached (IPython's writeout_cache): the kernel calls it once a
   * cell's reply has gone. A store that writes at once has nothing to do.
   */
  writeoutCache?(): void;
  close(): void;
}

interface Row {
  session: number;
  line: number;
  source: string;
  sourceRaw: string;
  output: string | null;
}

/** Converts a glob pattern to a RegExp matching the whole text, as SQLite's GLOB does. */
export function globToRegExp(pattern: string): RegExp {
  let re = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "*") re += "[\\s\\S]*";
    else if (c === "?") re += "[\\s\\S]";
    else if (c === "[") {
      const end = pattern.indexOf("]", i + 2);
      if (end < 0) re += "\\[";
      else {
        let body = pattern.slice(i + 1, end);
        if (body.startsWith("^")) body = "\\^" + body.slice(1);
        re += `[${body.startsWith("!") ? "^" + body.slice(1) : body}]`;
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\\]]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}

/** History kept in memory, with the same answers as the SQLite store. */
export class MemoryHistory implements HistoryStore {
  private rows: Row[] = [];
  /** This session's rows by line (a cell's input is stored once; found without a scan) */
  private readonly lines = new Map<number, Row>();
  readonly session: number;

  constructor(session = 1) {
    this.session = session;
  }

  storeInput(line: number, source: string, sourceRaw: string): void {
    if (this.lines.has(line)) return;
    const row: Row = { session: this.session, line, source, sourceRaw, output: null };
    this.rows.push(row);
    this.lines.set(line, row);
  }

  storeOutput(line: number, output: string): void {
    const row = this.lines.get(line);
    if (row) row.output = output;
  }

  private entry(r: Row, q: HistoryQuery): HistoryEntry {
    const input = q.raw ? r.sourceRaw : r.source;
    return [r.session, r.line, q.output ? [input, r.output] : input];
  }

  tail(n: number, q: HistoryQuery): HistoryEntry[] {
    const desc = (a: Row, b: Row) => b.session - a.session || b.line - a.line;
    const mine = this.rows.filter((r) => r.session === this.session).sort(desc);
    const others = this.rows.filter((r) => r.session !== this.session).sort(desc);
    return [...mine, ...others].slice(0, n).reverse().map((r) => this.entry(r, q));
  }

  range(session: number, start: number, stop: number | null, q: HistoryQuery): HistoryEntry[] {
    if (session <= 0) session += this.session;
    return this.rows
      .filter((r) => r.session === session && r.line >= start && (stop === null || r.line < stop))
      .sort((a, b) => a.line - b.line)
      .map((r) => this.entry(r, q));
  }

  search(pattern: string, n: number | null, unique: boolean, q: HistoryQuery): HistoryEntry[] {
    const re = globToRegExp(pattern);
    let rows = this.rows.filter((r) => re.test(r.sourceRaw))
      .sort((a, b) => a.session - b.session || a.line - b.line);
    if (unique) {
      // one entry per source, the latest of its occurrences, as GROUP BY with MAX() picks
      const last = new Map<string, Row>();
      for (const r of rows) last.set(r.sourceRaw, r);
      rows = rows.filter((r) => last.get(r.sourceRaw) === r);
    }
    if (n !== null) rows = rows.slice(Math.max(0, rows.length - n));
    return rows.map((r) => this.entry(r, q));
  }

  close(): void {}
}
