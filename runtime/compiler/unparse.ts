// The source text of an expression, as Python/ast_unparse.c writes it for annotations
// under `from __future__ import annotations` (a limited unparser: parentheses by
// priority, CPython's spacing, constants through repr with infinities as 1e309).

import type * as A from "./ast.ts";
import type { Constant } from "./code.ts";
import { complexRepr } from "./constrepr.ts";
import { floatRepr } from "../objects/floatrepr.ts";
import { bytesRepr, strRepr } from "../objects/strrepr.ts";

// Priority levels
const PR_TUPLE = 0;
const PR_TEST = 1; // 'if'-'else', 'lambda'
const PR_OR = 2;
const PR_AND = 3;
const PR_NOT = 4;
const PR_CMP = 5;
const PR_EXPR = 6;
const PR_BOR = PR_EXPR;
const PR_BXOR = 7;
const PR_BAND = 8;
const PR_SHIFT = 9;
const PR_ARITH = 10;
const PR_TERM = 11;
const PR_FACTOR = 12;
const PR_POWER = 13;
const PR_AWAIT = 14;
const PR_ATOM = 15;

/** "1e" + (DBL_MAX_10_EXP + 1): what "inf" becomes in float and complex reprs. */
const REPLACE_INF = "1e309";

const BINOPS: Record<A.operator, [string, number]> = {
  Add: [" + ", PR_ARITH],
  Sub: [" - ", PR_ARITH],
  Mult: [" * ", PR_TERM],
  MatMult: [" @ ", PR_TERM],
  Div: [" / ", PR_TERM],
  Mod: [" % ", PR_TERM],
  LShift: [" << ", PR_SHIFT],
  RShift: [" >> ", PR_SHIFT],
  BitOr: [" | ", PR_BOR],
  BitXor: [" ^ ", PR_BXOR],
  BitAnd: [" & ", PR_BAND],
  FloorDiv: [" // ", PR_TERM],
  Pow: [" ** ", PR_POWER],
};

const UNARYOPS: Record<A.unaryop, [string, number]> = {
  Invert: ["~", PR_FACTOR],
  Not: ["not ", PR_NOT],
  UAdd: ["+", PR_FACTOR],
  USub: ["-", PR_FACTOR],
};

const CMPOPS: Record<A.cmpop, string> = {
  Eq: " == ",
  NotEq: " != ",
  Lt: " < ",
  LtE: " <= ",
  Gt: " > ",
  GtE: " >= ",
  Is: " is ",
  IsNot: " is not ",
  In: " in ",
  NotIn: " not in ",
};

/** append_repr: repr() with "inf" spelled as an overflowing literal for floats and complexes. */
function constantRepr(c: Constant): string {
  if (c === null) return "None";
  if (c === true) return "True";
  if (c === false) return "False";
  switch (typeof c) {
    case "bigint":
      return c.toString();
    case "number": {
      const r = floatRepr(c);
      return c === Infinity || c === -Infinity ? r.replaceAll("inf", REPLACE_INF) : r;
    }
    case "string":
      return strRepr(c);
  }
  if (c instanceof Uint8Array) return bytesRepr(c);
  switch (c.kind) {
    case "complex":
      return complexRepr(c.real, c.imag).replaceAll("inf", REPLACE_INF);
    case "ellipsis":
      return "Ellipsis";
    case "tuple": {
      // append_ast_constant writes tuples item by item
      const items = c.items.map(constantRepr);
      return `(${items.join(", ")}${items.length === 1 ? "," : ""})`;
    }
    case "frozenset":
      return `frozenset({${c.items.map(constantRepr).join(", ")}})`;
    case "code":
      return `<code object ${c.name}>`;
  }
}

class Unparser {
  out = "";

  w(s: string): void {
    this.out += s;
  }

  expr(e: A.expr, level: number): void {
    switch (e._type) {
      case "BoolOp": {
        const op = e.op === "And" ? " and " : " or ";
        const pr = e.op === "And" ? PR_AND : PR_OR;
        if (level > pr) this.w("(");
        e.values.forEach((v, i) => {
          if (i > 0) this.w(op);
          this.expr(v, pr + 1);
        });
        if (level > pr) this.w(")");
        return;
      }
      case "BinOp": {
        const [op, pr] = BINOPS[e.op];
        const rassoc = e.op === "Pow" ? 1 : 0;
        if (level > pr) this.w("(");
        this.expr(e.left, pr + rassoc);
        this.w(op);
        this.expr(e.right, pr + 1 - rassoc);
        if (level > pr) this.w(")");
        return;
      }
      case "UnaryOp": {
        const [op, pr] = UNARYOPS[e.op];
        if (level > pr) this.w("(");
        this.w(op);
        this.expr(e.operand, pr);
        if (level > pr) this.w(")");
        return;
      }
      case "Lambda": {
        if (level > PR_TEST) this.w("(");
        const nPositional = e.args.args.length + e.args.posonlyargs.length;
        this.w(nPositional ? "lambda " : "lambda");
        this.args(e.args);
        this.w(": ");
        this.expr(e.body, PR_TEST);
        if (level > PR_TEST) this.w(")");
        return;
      }
      case "IfExp":
        if (level > PR_TEST) this.w("(");
        this.expr(e.body, PR_TEST + 1);
        this.w(" if ");
        this.expr(e.test, PR_TEST + 1);
        this.w(" else ");
        this.expr(e.orelse, PR_TEST);
        if (level > PR_TEST) this.w(")");
        return;
      case "Dict":
        this.w("{");
        e.values.forEach((v, i) => {
          if (i > 0) this.w(", ");
          const k = e.keys[i];
          if (k !== null) {
            this.expr(k, PR_TEST);
            this.w(": ");
            this.expr(v, PR_TEST);
          } else {
            this.w("**");
            this.expr(v, PR_EXPR);
          }
        });
        this.w("}");
        return;
      case "Set":
        this.w("{");
        this.seq(e.elts);
        this.w("}");
        return;
      case "GeneratorExp":
        this.w("(");
        this.expr(e.elt, PR_TEST);
        this.comprehensions(e.generators);
        this.w(")");
        return;
      case "ListComp":
        this.w("[");
        this.expr(e.elt, PR_TEST);
        this.comprehensions(e.generators);
        this.w("]");
        return;
      case "SetComp":
        this.w("{");
        this.expr(e.elt, PR_TEST);
        this.comprehensions(e.generators);
        this.w("}");
        return;
      case "DictComp":
        this.w("{");
        this.expr(e.key, PR_TEST);
        this.w(": ");
        this.expr(e.value, PR_TEST);
        this.comprehensions(e.generators);
        this.w("}");
        return;
      case "Yield":
        if (!e.value) {
          this.w("(yield)");
          return;
        }
        this.w("(yield ");
        this.expr(e.value, PR_TEST);
        this.w(")");
        return;
      case "YieldFrom":
        this.w("(yield from ");
        this.expr(e.value, PR_TEST);
        this.w(")");
        return;
      case "Await":
        if (level > PR_AWAIT) this.w("(");
        this.w("await ");
        this.expr(e.value, PR_ATOM);
        if (level > PR_AWAIT) this.w(")");
        return;
      case "Compare":
        if (level > PR_CMP) this.w("(");
        this.expr(e.left, PR_CMP + 1);
        e.comparators.forEach((c, i) => {
          this.w(CMPOPS[e.ops[i]]);
          this.expr(c, PR_CMP + 1);
        });
        if (level > PR_CMP) this.w(")");
        return;
      case "Call": {
        this.expr(e.func, PR_ATOM);
        if (e.args.length === 1 && e.keywords.length === 0 && e.args[0]._type === "GeneratorExp") {
          // Special case: a single generator expression.
          this.expr(e.args[0], PR_TEST);
          return;
        }
        this.w("(");
        let first = true;
        for (const a of e.args) {
          if (!first) this.w(", ");
          first = false;
          this.expr(a, PR_TEST);
        }
        for (const k of e.keywords) {
          if (!first) this.w(", ");
          first = false;
          if (k.arg === null) this.w("**");
          else this.w(k.arg + "=");
          this.expr(k.value, PR_TEST);
        }
        this.w(")");
        return;
      }
      case "Constant":
        if (
          typeof e.value === "object" && e.value !== null && !(e.value instanceof Uint8Array) &&
          e.value.kind === "ellipsis"
        ) {
          this.w("...");
          return;
        }
        if (e.kind !== null) this.w(e.kind);
        this.w(constantRepr(e.value));
        return;
      case "JoinedStr":
        this.joinedStr(e, false);
        return;
      case "FormattedValue":
        this.formattedValue(e);
        return;
      case "Attribute": {
        this.expr(e.value, PR_ATOM);
        // integers require a space for attribute access to be unambiguous
        const v = e.value;
        this.w(v._type === "Constant" && typeof v.value === "bigint" ? " ." : ".");
        this.w(e.attr);
        return;
      }
      case "Subscript":
        this.expr(e.value, PR_ATOM);
        this.w("[");
        this.expr(e.slice, PR_TUPLE);
        this.w("]");
        return;
      case "Starred":
        this.w("*");
        this.expr(e.value, PR_EXPR);
        return;
      case "Slice":
        if (e.lower) this.expr(e.lower, PR_TEST);
        this.w(":");
        if (e.upper) this.expr(e.upper, PR_TEST);
        if (e.step) {
          this.w(":");
          this.expr(e.step, PR_TEST);
        }
        return;
      case "Name":
        this.w(e.id);
        return;
      case "List":
        this.w("[");
        this.seq(e.elts);
        this.w("]");
        return;
      case "Tuple":
        if (e.elts.length === 0) {
          this.w("()");
          return;
        }
        if (level > PR_TUPLE) this.w("(");
        this.seq(e.elts);
        if (e.elts.length === 1) this.w(",");
        if (level > PR_TUPLE) this.w(")");
        return;
      case "NamedExpr":
        if (level > PR_TUPLE) this.w("(");
        this.expr(e.target, PR_ATOM);
        this.w(" := ");
        this.expr(e.value, PR_ATOM);
        if (level > PR_TUPLE) this.w(")");
        return;
    }
  }

  seq(elts: A.expr[]): void {
    elts.forEach((x, i) => {
      if (i > 0) this.w(", ");
      this.expr(x, PR_TEST);
    });
  }

  arg(a: A.arg): void {
    this.w(a.arg);
    if (a.annotation) {
      this.w(": ");
      this.expr(a.annotation, PR_TEST);
    }
  }

  args(args: A.arguments): void {
    let first = true;
    const sep = () => {
      if (!first) this.w(", ");
      first = false;
    };
    const nPosonly = args.posonlyargs.length;
    const nArgs = args.args.length;
    const nDefaults = args.defaults.length;
    for (let i = 0; i < nPosonly + nArgs; i++) {
      sep();
      this.arg(i < nPosonly ? args.posonlyargs[i] : args.args[i - nPosonly]);
      const di = i - nPosonly - nArgs + nDefaults;
      if (di >= 0) {
        this.w("=");
        this.expr(args.defaults[di], PR_TEST);
      }
      if (nPosonly && i + 1 === nPosonly) this.w(", /");
    }
    if (args.vararg || args.kwonlyargs.length) {
      sep();
      this.w("*");
      if (args.vararg) this.arg(args.vararg);
    }
    const nKw = args.kwonlyargs.length;
    const nKwDefaults = args.kw_defaults.length;
    for (let i = 0; i < nKw; i++) {
      sep();
      this.arg(args.kwonlyargs[i]);
      const di = i - nKw + nKwDefaults;
      const d = di >= 0 ? args.kw_defaults[di] : null;
      if (d) {
        this.w("=");
        this.expr(d, PR_TEST);
      }
    }
    if (args.kwarg) {
      sep();
      this.w("**");
      this.arg(args.kwarg);
    }
  }

  comprehensions(gens: A.comprehension[]): void {
    for (const g of gens) {
      this.w(g.is_async ? " async for " : " for ");
      this.expr(g.target, PR_TUPLE);
      this.w(" in ");
      this.expr(g.iter, PR_TEST + 1);
      for (const c of g.ifs) {
        this.w(" if ");
        this.expr(c, PR_TEST + 1);
      }
    }
  }

  fstringElement(e: A.expr, isFormatSpec: boolean): void {
    switch (e._type) {
      case "Constant":
        this.w(String(e.value).replaceAll("{", "{{").replaceAll("}", "}}"));
        return;
      case "JoinedStr":
        this.joinedStr(e, isFormatSpec);
        return;
      case "FormattedValue":
        this.formattedValue(e);
        return;
      default:
        throw new Error("unknown expression kind inside f-string");
    }
  }

  joinedStr(e: A.JoinedStr, isFormatSpec: boolean): void {
    const saved = this.out;
    this.out = "";
    for (const v of e.values) this.fstringElement(v, isFormatSpec);
    const body = this.out;
    this.out = saved;
    this.w(isFormatSpec ? body : "f" + strRepr(body));
  }

  formattedValue(e: A.FormattedValue): void {
    // the grammar allows PR_TUPLE, but >PR_TEST parenthesizes a lambda with ':'
    const inner = new Unparser();
    inner.expr(e.value, PR_TEST + 1);
    // an expression starting with a brace is split from the outer one by a space
    this.w(inner.out.startsWith("{") ? "{ " : "{");
    this.w(inner.out);
    if (e.conversion > 0) this.w("!" + String.fromCharCode(e.conversion));
    if (e.format_spec) {
      this.w(":");
      this.fstringElement(e.format_spec, true);
    }
    this.w("}");
  }
}

/** _PyAST_ExprAsUnicode: the text of an annotation under `from __future__ import annotations`. */
export function unparse(e: A.expr): string {
  const u = new Unparser();
  u.expr(e, PR_TEST);
  return u.out;
}
