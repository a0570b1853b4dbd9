// How IPython compiles a cell (InteractiveShell.run_cell and run_ast_nodes, with its
// CachingCompiler): the cell is parsed once with codeop's flags, then each top-level
// statement is compiled on its own — `Module([stmt])` in 'exec' mode, or, for a trailing
// expression statement, `Interactive([stmt])` in 'single' mode so that its value goes to
// sys.displayhook. Future imports made in one cell hold for the cells after it, as
// codeop.Compile remembers them. This is what makes `sys.getrefcount`, `id` reuse and
// `dis` in a glasspy cell answer as they do in an ipykernel notebook.

import { compileAst } from "../compiler/compile.ts";
import { parse } from "../compiler/parser.ts";
import { CO_FUTURE, type CodeUnit, type Constant, PyCF, PyCF_MASK } from "../compiler/code.ts";
import type * as A from "../compiler/ast.ts";

/** codeop.Compile's flags, and PyCF_ALLOW_TOP_LEVEL_AWAIT from ipykernel's autoawait. */
const CELL_FLAGS = PyCF.DONT_IMPLY_DEDENT | PyCF.ALLOW_INCOMPLETE_INPUT |
  PyCF.ALLOW_TOP_LEVEL_AWAIT;

export interface CellStatement {
  code: CodeUnit;
  mode: "exec" | "single";
  /**
   * The literal constants written in the statement (keys of literalKey): IPython's AST of
   * the cell holds these objects while the cell runs. Constants the compiler made (folded
   * `'a' + 'b'`, tuples of constants) are not among them.
   */
  literals: Set<string>;
}

/** A key naming a literal constant's value (scalars only; containers are never literals). */
export function literalKey(c: Constant): string | null {
  if (typeof c === "bigint") return "i" + c;
  if (typeof c === "number") return "f" + (Object.is(c, -0) ? "-0" : String(c));
  if (typeof c === "string") return "s" + c;
  if (c instanceof Uint8Array) return "b" + Array.from(c).join(",");
  if (c !== null && typeof c === "object" && c.kind === "complex") {
    return `c${Object.is(c.real, -0) ? "-0" : c.real},${Object.is(c.imag, -0) ? "-0" : c.imag}`;
  }
  return null;
}

/** The keys of every Constant node under an AST node. */
function literalsOf(node: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(node)) {
    for (const child of node) literalsOf(child, into);
  } else if (node !== null && typeof node === "object" && "_type" in node) {
    const n = node as Record<string, unknown>;
    if (n._type === "Constant") {
      const key = literalKey(n.value as Constant);
      if (key !== null) into.add(key);
      return into;
    }
    for (const [field, value] of Object.entries(n)) {
      if (field !== "_type" && typeof value === "object") literalsOf(value, into);
    }
  }
  return into;
}

/** codeop.Compile: compile() that remembers the future features its code turned on. */
export class CellCompiler {
  /** The future features (CO_FUTURE_*) cells have imported so far */
  futureFlags = 0;

  private remember(code: CodeUnit): CodeUnit {
    this.futureFlags |= code.flags & PyCF_MASK;
    return code;
  }

  /**
   * A cell as run_ast_nodes runs it with interactivity 'last_expr': one code object per
   * top-level statement; the last in 'single' mode when it is an expression statement and
   * `interactive` (not a silent cell). Throws CompileError.
   */
  compileCell(source: string, filename: string, interactive: boolean): CellStatement[] {
    const flags = CELL_FLAGS | this.futureFlags;
    const tree = parse(source, {
      filename,
      mode: "exec",
      dontImplyDedent: true,
      allowIncompleteInput: true,
      barryAsBdfl: (flags & CO_FUTURE.BARRY_AS_BDFL) !== 0,
    }) as A.Module;
    const body = tree.body;
    const last = body.length - 1;
    return body.map((stmt, i) => {
      const single = interactive && i === last && stmt._type === "Expr";
      const mod: A.mod = single
        ? { _type: "Interactive", body: [stmt] }
        : { _type: "Module", body: [stmt], type_ignores: [] };
      const code = compileAst(mod, { filename, source, flags: this.futureFlags | CELL_FLAGS });
      return {
        code: this.remember(code),
        mode: single ? "single" : "exec",
        literals: literalsOf(stmt, new Set()),
      };
    });
  }
}
