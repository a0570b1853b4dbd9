// Input history in SQLite, kept across kernel restarts as IPython keeps it: the same three
// tables (sessions, history, output_history) and the same queries, in a file under
// Jupyter's data directory (`<data dir>/glasspy/history.sqlite`).

import { DatabaseSync } from "node:sqlite";
import { dirname } from "node:path";
import type { HistoryEntry, HistoryQuery, HistoryStore } from "../runtime/shell/history.ts";
export { historyFile } from "./data_dir.ts";

type Row = Record<string, unknown>;

type Statement = ReturnType<DatabaseSync["prepare"]>;

export class SqliteHistory implements HistoryStore {
  private readonly db: DatabaseSync;
  readonly session: number;
  /**
   * Inputs and outputs not written yet. As IPython's HistoryManager caches them and its
   * saving thread writes them, the kernel writes them after the cell's reply has gone
   * (writeoutCache), not on the reply's path; a query writes them first.
   */
  private readonly inputCache: [number, string, string][] = [];
  private readonly outputCache: [number, string][] = [];
  private readonly insertInput: Statement;
  private readonly insertOutput: Statement;

  constructor(path: string) {
    if (path !== ":memory:") Deno.mkdirSync(dirname(path), { recursive: true });
    this.db = new DatabaseSync(path);
    this.db.exec("PRAGMA busy_timeout = 2000");
    // Each cell's input is stored before it runs, in its own transaction. IPython stores
    // them from a thread of their own, away from the reply; here the write is on the cell's
    // path, so it must not wait for the disk: in write-ahead-log mode with synchronous=NORMAL
    // a commit appends to the log without fsync (the database stays sound if the machine
    // stops; the last cells' history may be lost), where the default rollback journal
    // fsyncs several times per cell (tens of milliseconds on a busy disk).
    if (path !== ":memory:") {
      try {
        this.db.exec("PRAGMA journal_mode = WAL");
      } catch {
        // a file system without the shared memory WAL needs: the rollback journal stays
      }
    }
    this.db.exec("PRAGMA synchronous = NORMAL");
    this.db.exec(`CREATE TABLE IF NOT EXISTS sessions (session integer
      primary key autoincrement, start timestamp, end timestamp, num_cmds integer, remark text)`);
    this.db.exec(`CREATE TABLE IF NOT EXISTS history
      (session integer, line integer, source text, source_raw text, PRIMARY KEY (session, line))`);
    this.db.exec(`CREATE TABLE IF NOT EXISTS output_history
      (session integer, line integer, output text, PRIMARY KEY (session, line))`);
    const r = this.db.prepare(`INSERT INTO sessions VALUES (NULL, ?, NULL, NULL, '')`)
      .run(sqliteTimestamp(new Date()));
    this.session = Number(r.lastInsertRowid);
    this.insertInput = this.db.prepare("INSERT OR REPLACE INTO history VALUES (?, ?, ?, ?)");
    this.insertOutput = this.db.prepare("INSERT OR REPLACE INTO output_history VALUES (?, ?, ?)");
  }

  storeInput(line: number, source: string, sourceRaw: string): void {
    this.inputCache.push([line, source, sourceRaw]);
  }

  storeOutput(line: number, output: string): void {
    this.outputCache.push([line, output]);
  }

  /** IPython's writeout_cache: the cached inputs and outputs, in one transaction. */
  writeoutCache(): void {
    if (this.inputCache.length === 0 && this.outputCache.length === 0) return;
    this.db.exec("BEGIN");
    try {
      for (const [line, source, raw] of this.inputCache) {
        this.insertInput.run(this.session, line, source, raw);
      }
      for (const [line, output] of this.outputCache) {
        this.insertOutput.run(this.session, line, output);
      }
      this.db.exec("COMMIT");
    } catch (e) {
      this.db.exec("ROLLBACK");
      throw e;
    } finally {
      this.inputCache.length = 0;
      this.outputCache.length = 0;
    }
  }

  /** IPython's HistoryAccessor._run_sql: SELECT session, line, input[, output] ... */
  private query(where: string, params: (string | number)[], q: HistoryQuery, latest = false) {
    this.writeoutCache();
    let get = q.raw ? "source_raw" : "source";
    let from = "history";
    if (q.output) {
      from = "history LEFT JOIN output_history USING (session, line)";
      get = `history.${get}, output_history.output`;
    }
    if (latest) get += ", MAX(session * 128 * 1024 + line)";
    const rows = this.db.prepare(`SELECT session, line, ${get} FROM ${from} ${where}`)
      .all(...params) as Row[];
    return rows.map((row): HistoryEntry => {
      const values = Object.values(row);
      const input = String(values[2]);
      return [
        Number(values[0]),
        Number(values[1]),
        q.output ? [input, values[3] === null ? null : String(values[3])] : input,
      ];
    });
  }

  tail(n: number, q: HistoryQuery): HistoryEntry[] {
    const mine = this.query("WHERE session == ? ORDER BY line DESC LIMIT ?", [this.session, n], q);
    const others = this.query(
      "WHERE session != ? ORDER BY session DESC, line DESC LIMIT ?",
      [this.session, n],
      q,
    );
    return [...mine, ...others].slice(0, n).reverse();
  }

  range(session: number, start: number, stop: number | null, q: HistoryQuery): HistoryEntry[] {
    if (session <= 0) session += this.session;
    return stop
      ? this.query("WHERE session==? AND line >= ? AND line < ?", [session, start, stop], q)
      : this.query("WHERE session==? AND line>=?", [session, start], q);
  }

  search(pattern: string, n: number | null, unique: boolean, q: HistoryQuery): HistoryEntry[] {
    const column = q.output ? "history.source_raw" : "source_raw";
    let where = `WHERE ${column} GLOB ?`;
    const params: (string | number)[] = [pattern];
    if (unique) where += ` GROUP BY ${column}`;
    if (n !== null) {
      where += " ORDER BY session DESC, line DESC LIMIT ?";
      params.push(n);
    } else if (unique) where += " ORDER BY session, line";
    const rows = this.query(where, params, q, unique);
    return n !== null ? rows.reverse() : rows;
  }

  close(): void {
    try {
      this.writeoutCache();
      const count = this.db.prepare("SELECT COUNT(*) AS n FROM history WHERE session == ?")
        .get(this.session) as Row;
      this.db.prepare("UPDATE sessions SET end=?, num_cmds=? WHERE session==?")
        .run(sqliteTimestamp(new Date()), Number(count.n), this.session);
    } finally {
      this.db.close();
    }
  }
}

/** The text Python's sqlite3 stores for a datetime: "YYYY-MM-DD HH:MM:SS.ffffff". */
function sqliteTimestamp(d: Date): string {
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${
    pad(d.getMinutes())
  }:${pad(d.getSeconds())}.${pad(d.getMilliseconds() * 1000, 6)}`;
}
