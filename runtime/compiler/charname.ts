// Character names for \N{...} escapes, as unicodedata's _getcode looks them up: case-
// insensitively, with the names computed from code points (CJK UNIFIED IDEOGRAPH-4E00,
// HANGUL SYLLABLE GA, ...) and the aliases Python accepts. The table is unicodenames.ts.

import { ALIASES, ALPHABET, JAMO_L, JAMO_T, JAMO_V, NAMES, RANGES, WORDS } from "./unicodenames.ts";

let byName: Map<string, number> | null = null;
let byCode: Map<number, string> | null = null;

function build(): void {
  const digit = new Map<string, number>();
  for (let i = 0; i < ALPHABET.length; i++) digit.set(ALPHABET[i], i);
  const words = WORDS.split(" ");
  byName = new Map();
  byCode = new Map();
  let pos = 0;
  const varint = (): number => {
    let n = 0;
    for (;;) {
      const d = digit.get(NAMES[pos++])!;
      if (d < 46) return n * 46 + d;
      n = n * 46 + (d - 46);
    }
  };
  let cp = -1;
  while (pos < NAMES.length) {
    cp += varint() + 1;
    const n = varint();
    const parts: string[] = [];
    for (let i = 0; i < n; i++) parts.push(words[varint()]);
    const name = parts.join(" ");
    byName.set(name, cp);
    byCode.set(cp, name);
  }
  for (const [alias, code] of ALIASES) byName.set(alias, code);
}

const SBASE = 0xac00;
const VCOUNT = 21;
const TCOUNT = 28;

/** The code point named `name` (any case), or null. */
export function lookupCharName(nameIn: string): number | null {
  const name = nameIn.toUpperCase();
  if (name.startsWith("HANGUL SYLLABLE ")) {
    const rest = name.slice(16);
    const ls = JAMO_L.split(" ");
    const vs = JAMO_V.split(" ");
    const ts = JAMO_T.split(" ");
    // the longest matching parts, as _getcode's find_syllable does
    const longest = (table: string[], s: string): number => {
      let best = -1;
      let len = -1;
      table.forEach((p, i) => {
        if (s.startsWith(p) && p.length > len) {
          best = i;
          len = p.length;
        }
      });
      return best;
    };
    const l = longest(ls, rest);
    if (l >= 0) {
      const r1 = rest.slice(ls[l].length);
      const v = longest(vs, r1);
      if (v >= 0) {
        const r2 = r1.slice(vs[v].length);
        const t = longest(ts, r2);
        if (t >= 0 && r2.slice(ts[t].length) === "") {
          return SBASE + (l * VCOUNT + v) * TCOUNT + t;
        }
      }
    }
    return null;
  }
  for (const [start, end, prefix] of RANGES) {
    if (name.startsWith(prefix)) {
      const hex = name.slice(prefix.length);
      if (/^[0-9A-F]{4,6}$/.test(hex)) {
        const cp = parseInt(hex, 16);
        if (cp >= start && cp < end) return cp;
      }
    }
  }
  if (byName === null) build();
  return byName!.get(name) ?? null;
}

/** unicodedata.name(chr(cp)), or null. */
export function charName(cp: number): string | null {
  if (cp >= SBASE && cp < SBASE + 11172) {
    const s = cp - SBASE;
    const l = Math.floor(s / (VCOUNT * TCOUNT));
    const v = Math.floor((s % (VCOUNT * TCOUNT)) / TCOUNT);
    const t = s % TCOUNT;
    return "HANGUL SYLLABLE " + JAMO_L.split(" ")[l] + JAMO_V.split(" ")[v] +
      JAMO_T.split(" ")[t];
  }
  for (const [start, end, prefix] of RANGES) {
    if (cp >= start && cp < end) return prefix + cp.toString(16).toUpperCase().padStart(4, "0");
  }
  if (byCode === null) build();
  return byCode!.get(cp) ?? null;
}
