// `from __future__ import ...` at the top of a module, as Python/future.c reads it: the
// features that change compilation, and the errors for unknown or late ones.

import type * as A from "./ast.ts";
import { getDocString } from "./astopt.ts";
import type { SourceInfo } from "./source.ts";
import { CO_FUTURE_ANNOTATIONS, CO_FUTURE_BARRY_AS_BDFL } from "./symtable.ts";

export interface FutureFeatures {
  features: number;
  /** line of the last future import (-1 when there is none) */
  lineno: number;
}

const KNOWN = new Set([
  "nested_scopes",
  "generators",
  "division",
  "absolute_import",
  "with_statement",
  "print_function",
  "unicode_literals",
  "generator_stop",
]);

/** _PyFuture_FromAST */
export function futureFeatures(mod: A.mod, src: SourceInfo): FutureFeatures {
  const ff: FutureFeatures = { features: 0, lineno: -1 };
  if (mod._type !== "Module" && mod._type !== "Interactive") return ff;
  const body = mod.body;
  if (body.length === 0) return ff;
  let i = 0;
  let done = false;
  let prevLine = 0;
  if (getDocString(body) !== null) i++;
  for (; i < body.length; i++) {
    const s = body[i];
    if (done && s.lineno > prevLine) return ff;
    prevLine = s.lineno;
    if (s._type === "ImportFrom" && s.module === "__future__") {
      if (done) {
        throw src.error(
          "from __future__ imports must occur at the beginning of the file",
          s.lineno,
          s.col_offset,
          s.lineno,
          null,
        );
      }
      for (const name of s.names) {
        const feature = name.name;
        if (KNOWN.has(feature)) continue;
        if (feature === "barry_as_FLUFL") ff.features |= CO_FUTURE_BARRY_AS_BDFL;
        else if (feature === "annotations") ff.features |= CO_FUTURE_ANNOTATIONS;
        else if (feature === "braces") {
          throw src.error("not a chance", s.lineno, s.col_offset + 1, s.lineno, null);
        } else {
          throw src.error(
            `future feature ${feature} is not defined`,
            s.lineno,
            s.col_offset + 1,
            s.lineno,
            null,
          );
        }
      }
      ff.lineno = s.lineno;
    } else {
      done = true;
    }
  }
  return ff;
}
