// %history (and its short name %hist): the input history, printed as IPython's
// HistoryMagics.history prints it. Ranges as IPython writes them ("4", "1-3", "2:5",
// "~1/2-4", "~2/"), -n line numbers, -o outputs, -p ">>>" prompts, -t the translated
// source (magics as calls), -g PATTERN a glob search over every session, -l [N] the last N
// lines, -u unique search results, -f FILE written to a file instead (through the host's
// ShellFiles), after asking before overwriting one, as IPython asks.

import type { HistoryEntry, HistoryQuery } from "../history.ts";
import { UsageError } from "../magics.ts";
import type { Session } from "../session.ts";
import { HostRaise } from "../../vm/host.ts";

interface HistoryArgs {
  numbers: boolean;
  output: boolean;
  prompts: boolean;
  raw: boolean;
  unique: boolean;
  /** -g's words; null without -g */
  pattern: string[] | null;
  /** -l's count; undefined without -l, null for -l alone */
  limit: number | null | undefined;
  /** -f's file name; null without -f */
  filename: string | null;
  ranges: string[];
}

const FLAGS: { [letter: string]: keyof HistoryArgs } = {
  n: "numbers",
  o: "output",
  p: "prompts",
  u: "unique",
};

/** The arguments, read as IPython's argparse parser for %history reads them. */
function parseArgs(line: string): HistoryArgs {
  const args: HistoryArgs = {
    numbers: false,
    output: false,
    prompts: false,
    raw: true,
    unique: false,
    pattern: null,
    limit: undefined,
    filename: null,
    ranges: [],
  };
  const words = splitWords(line);
  const isOption = (w: string) => w.startsWith("-") && w.length > 1 && !/^-\d/.test(w);
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (!isOption(w)) {
      args.ranges.push(w);
      continue;
    }
    const letters = w.slice(1);
    for (let k = 0; k < letters.length; k++) {
      const c = letters[k];
      if (c in FLAGS) (args[FLAGS[c]] as boolean) = true;
      else if (c === "t") args.raw = false;
      else if (c === "g") {
        args.pattern = [];
        while (i + 1 < words.length && !isOption(words[i + 1])) args.pattern.push(words[++i]);
        break;
      } else if (c === "l") {
        const rest = letters.slice(k + 1);
        const next = rest !== ""
          ? rest
          : (i + 1 < words.length && !isOption(words[i + 1]) ? words[++i] : null);
        if (next !== null && !/^[+-]?\d+$/.test(next)) {
          throw new UsageError(`argument -l: invalid int value: '${next}'`);
        }
        args.limit = next === null ? null : Number(next);
        break;
      } else if (c === "f") {
        const rest = letters.slice(k + 1);
        const name = rest !== "" ? rest : words[++i];
        if (name === undefined) throw new UsageError("argument -f: expected one argument");
        args.filename = name;
        break;
      } else {
        throw new UsageError(`unrecognized arguments: ${w}`);
      }
    }
  }
  return args;
}

/** The words of a magic's line, as IPython's arg_split finds them: quotes group words. */
function splitWords(line: string): string[] {
  const words: string[] = [];
  for (const m of line.matchAll(/(?:"([^"]*)"|'([^']*)'|[^\s"']+)+/g)) {
    words.push(m[0].replace(/"([^"]*)"|'([^']*)'/g, (_q, d, s) => d ?? s));
  }
  return words;
}

/** IPython's ask_yes_no(prompt) without a default: asks until the answer is y, n, yes or no. */
function askYesNo(session: Session, prompt: string): boolean {
  const answers: { [answer: string]: boolean } = { y: true, n: false, yes: true, no: false };
  for (;;) {
    const line = session.readline(prompt + " ", false);
    if (line === null) throw new HostRaise("EOFError", "EOF when reading a line");
    const answer = answers[line.toLowerCase()];
    if (answer !== undefined) return answer;
  }
}

/**
 * Where -f's text goes: the file's expanded name, once IPython's question about an existing
 * file is answered (yes when the front end allows no input); null when the user said no.
 */
function openOutput(session: Session, filename: string): string | null {
  const files = session.files;
  if (files === null) {
    throw new UsageError("%history -f: this session has no file system to write to");
  }
  const path = files.expandUser(filename);
  if (!files.exists(path)) return path;
  const e = session.engine;
  const name = e.newStr(path);
  let quoted: string;
  try {
    quoted = e.repr(name);
  } finally {
    e.decref(name);
  }
  let overwrite: boolean;
  try {
    overwrite = askYesNo(session, `File ${quoted} exists. Overwrite?`);
  } catch (err) {
    if (!(err instanceof HostRaise) || err.typeName !== "StdinNotImplementedError") throw err;
    overwrite = true;
  }
  if (!overwrite) {
    session.write("stdout", "Aborting.\n");
    return null;
  }
  session.write("stdout", "Overwriting file.\n");
  return path;
}

const RANGE = /^(?:(~?\d+)\/)?(\d+)?(?:([-:])(?:(~?\d+)\/)?(\d+))?$/;

/** IPython's extract_hist_ranges: (session, start, stop) for each range word. */
export function historyRanges(words: string[]): [number, number, number | null][] {
  if (words.length === 0) return [[0, 1, null]];
  const out: [number, number, number | null][] = [];
  for (const word of words) {
    const m = RANGE.exec(word);
    if (m === null) continue;
    const [, startSession, startText, sep, endSession, endText] = m;
    let start: number;
    let stop: number | null;
    if (startText !== undefined) {
      start = Number(startText);
      stop = endText !== undefined ? Number(endText) : start + 1;
    } else {
      if (startSession === undefined) continue;
      start = 1;
      stop = null;
    }
    if (sep === "-" && stop !== null) stop += 1;
    const session = (s: string | undefined) => Number((s ?? "0").replace("~", "-"));
    const first = session(startSession);
    const last = endSession !== undefined ? session(endSession) : first;
    if (last === first) {
      out.push([first, start, stop]);
      continue;
    }
    // across sessions: the rest of the first, those between, the last up to its stop
    out.push([first, start, null]);
    for (let s = first + 1; s < last; s++) out.push([s, 1, null]);
    out.push([last, 1, stop]);
  }
  return out;
}

function globMatch(pattern: string, text: string): boolean {
  let re = "";
  for (const c of pattern) {
    re += c === "*" ? "[\\s\\S]*" : c === "?" ? "[\\s\\S]" : c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`).test(text);
}

/** `%history [-n] [-o] [-p] [-t] [-g [PATTERN ...]] [-l [N]] [-u] [RANGE ...]` */
export function history(session: Session, line: string): null {
  const args = parseArgs(line);
  const outfile = args.filename === null ? null : openOutput(session, args.filename);
  if (args.filename !== null && outfile === null) return null;
  const store = session.history;
  const q: HistoryQuery = { raw: args.raw, output: args.output };
  let numbers = args.numbers;
  let rangePattern: string | null = null;
  let entries: HistoryEntry[];
  if (args.pattern !== null && args.ranges.length === 0) {
    const pattern = args.pattern.length > 0 ? `*${args.pattern.join(" ")}*` : "*";
    entries = store.search(pattern, args.limit ?? null, args.unique, q);
    numbers = true;
  } else if (args.limit !== undefined) {
    // get_tail(include_latest=False): the newest line (this magic's own cell) left out
    entries = store.tail((args.limit ?? 10) + 1, q).slice(0, -1);
  } else {
    if (args.pattern !== null && args.pattern.length > 0) {
      rangePattern = `*${args.pattern.join(" ")}*`;
      numbers = true;
    }
    entries = historyRanges(args.ranges).flatMap(([s, start, stop]) =>
      store.range(s, start, stop, q)
    );
  }
  let text = "";
  for (const [s, lineno, value] of entries) {
    let input = Array.isArray(value) ? value[0] : value;
    const output = Array.isArray(value) ? value[1] : null;
    if (rangePattern !== null && !globMatch(rangePattern, input)) continue;
    input = expandTabs(input).replace(/\s+$/, "");
    const multiline = input.includes("\n");
    if (numbers) {
      const label = s === 0 || s === store.session ? String(lineno) : `${s}/${lineno}`;
      text += `${label.padStart(4)}:${multiline ? "\n" : " "}`;
    }
    if (args.prompts) {
      text += ">>> ";
      if (multiline) input = input.split("\n").join("\n... ") + "\n...";
    }
    text += input + "\n";
    if (args.output && output) text += output + "\n";
  }
  if (outfile !== null) session.files!.writeText(outfile, text);
  else session.write("stdout", text);
  return null;
}

/** str.expandtabs(4) */
function expandTabs(s: string): string {
  let out = "";
  let column = 0;
  for (const c of s) {
    if (c === "\t") {
      const pad = 4 - (column % 4);
      out += " ".repeat(pad);
      column += pad;
    } else {
      out += c;
      column = c === "\n" || c === "\r" ? 0 : column + 1;
    }
  }
  return out;
}
