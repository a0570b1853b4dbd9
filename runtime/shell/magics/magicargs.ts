// Options of the glass magics, as IPython's magic_arguments read them: `--name VALUE`,
// `--name=VALUE` or `-n VALUE` for valued options, `--flag` or `-f` for flags, anywhere
// on the line; what is left is the magic's argument (an expression, a generation...).

import { UsageError } from "../magics.ts";

export interface OptionSpec {
  /** Long name (without `--`) to its short letter (or null) and kind */
  [long: string]: { short: string | null; kind: "flag" | "int" | "str" };
}

export interface ParsedOptions {
  flags: Set<string>;
  values: Map<string, string | number>;
  /** The rest of the line, options removed, trimmed */
  rest: string;
}

export function parseOptions(magic: string, line: string, spec: OptionSpec): ParsedOptions {
  const flags = new Set<string>();
  const values = new Map<string, string | number>();
  const byShort = new Map<string, string>();
  for (const [long, s] of Object.entries(spec)) if (s.short !== null) byShort.set(s.short, long);
  const tokens = [...line.matchAll(/\S+/g)];
  const words = tokens.map((m) => m[0]);
  const removed = new Set<number>();
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    let long: string | undefined;
    let inline: string | undefined;
    if (/^--[a-z][a-z-]*(=.*)?$/.test(w)) {
      const eq = w.indexOf("=");
      long = eq < 0 ? w.slice(2) : w.slice(2, eq);
      inline = eq < 0 ? undefined : w.slice(eq + 1);
      if (!(long in spec)) throw new UsageError(`%${magic}: unrecognized option ${w}`);
    } else if (/^-[a-zA-Z]$/.test(w) && byShort.has(w[1])) {
      long = byShort.get(w[1]);
    }
    if (long === undefined) continue;
    removed.add(i);
    const kind = spec[long].kind;
    if (kind === "flag") {
      if (inline !== undefined) throw new UsageError(`%${magic}: --${long} takes no value`);
      flags.add(long);
      continue;
    }
    if (inline === undefined) removed.add(i + 1);
    const value = inline ?? words[++i];
    if (value === undefined) throw new UsageError(`%${magic}: --${long} needs a value`);
    if (kind === "int") {
      if (!/^\d+$/.test(value)) {
        throw new UsageError(`%${magic}: --${long} needs a whole number, not ${value}`);
      }
      values.set(long, Number(value));
    } else values.set(long, value);
  }
  // the argument keeps its own spacing: only the options' words are cut out
  let rest = "";
  let at = 0;
  tokens.forEach((m, i) => {
    if (!removed.has(i)) return;
    rest += line.slice(at, m.index);
    at = m.index! + m[0].length;
  });
  rest += line.slice(at);
  return { flags, values, rest: rest.trim() };
}
