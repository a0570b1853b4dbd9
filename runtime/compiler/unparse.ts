// The source text of an expression, as Python/ast_unparse.c writes it for annotations
// under `from __future__ import annotations`.

import type * as A from "./ast.ts";

/** _PyAST_ExprAsUnicode */
export function unparse(_e: A.expr): string {
  throw new Error("annotations under `from __future__ import annotations` are not supported yet");
}
