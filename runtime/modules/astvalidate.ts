// The checks compile() makes on a tree built by hand before compiling it (CPython's
// Python/ast.c, PyAST_Validate), with CPython's messages: expression contexts (a target
// has Store, a deleted name Del, everything else Load), bodies and lists that may not be
// empty, the counts that must agree, positions that must make a range, literal patterns.
// The parser never makes a tree that fails them; a tree from Python code may, and must
// get a ValueError, never a crash of the code generator.

import type * as A from "../compiler/ast.ts";
import { PyErr_Format } from "../objects/errors.ts";
import { PyExc_TypeError, PyExc_ValueError } from "../objects/exceptions.ts";

type Ctx = "Load" | "Store" | "Del";
type Node = { _type: string } & Record<string, unknown>;

const invalid = (message: string) => PyErr_Format(PyExc_ValueError, message);

function positions(n: Node): void {
  const line = n.lineno as number, end = n.end_lineno as number;
  const col = n.col_offset as number, endCol = n.end_col_offset as number;
  if (line > end) throw invalid(`AST node line range (${line}, ${end}) is not valid`);
  if ((line < 0 && end !== line) || (col < 0 && col !== endCol)) {
    throw invalid(
      `AST node column range (${col}, ${endCol}) for line range (${line}, ${end}) is not valid`,
    );
  }
  if (line === end && col > endCol) {
    throw invalid(`line ${line}, column ${col}-${endCol} is not a valid range`);
  }
}

function nonEmpty(list: unknown[], what: string, owner: string): void {
  if (list.length === 0) throw invalid(`empty ${what} on ${owner}`);
}

function statements(list: (Node | null)[]): void {
  for (const s of list) {
    if (s === null) throw invalid("None disallowed in statement list");
    statement(s);
  }
}

function body(list: (Node | null)[], owner: string): void {
  nonEmpty(list, "body", owner);
  statements(list);
}

function expressions(list: (Node | null)[], ctx: Ctx, nullOk = false): void {
  for (const e of list) {
    if (e === null) {
      if (!nullOk) throw invalid("None disallowed in expression list");
      continue;
    }
    expression(e, ctx);
  }
}

function optional(e: unknown, ctx: Ctx = "Load"): void {
  if (e !== null && e !== undefined) expression(e as Node, ctx);
}

function argList(list: Node[]): void {
  for (const a of list) {
    positions(a);
    optional(a.annotation);
  }
}

function argumentsNode(a: A.arguments): void {
  const n = a as unknown as Record<string, Node[]>;
  argList(n.posonlyargs);
  argList(n.args);
  optional((a.vararg as unknown as Node | null)?.annotation);
  argList(n.kwonlyargs);
  optional((a.kwarg as unknown as Node | null)?.annotation);
  if (a.defaults.length > a.posonlyargs.length + a.args.length) {
    throw invalid("more positional defaults than args on arguments");
  }
  if (a.kw_defaults.length !== a.kwonlyargs.length) {
    throw invalid("length of kwonlyargs is not the same as kw_defaults on arguments");
  }
  expressions(n.defaults, "Load");
  expressions(n.kw_defaults as (Node | null)[], "Load", true);
}

function keywords(list: Node[]): void {
  for (const k of list) expression(k.value as Node, "Load");
}

function generators(list: Node[]): void {
  if (list.length === 0) throw invalid("comprehension with no generators");
  for (const g of list) {
    expression(g.target as Node, "Store");
    expression(g.iter as Node, "Load");
    expressions(g.ifs as Node[], "Load");
  }
}

/** The expressions whose ctx field must be the context they stand in. */
const WITH_CONTEXT = new Set(["Attribute", "Subscript", "Starred", "Name", "List", "Tuple"]);

function expression(e: Node, ctx: Ctx): void {
  positions(e);
  const kind = e._type;
  if (WITH_CONTEXT.has(kind)) {
    if (kind === "Name" && ["None", "True", "False"].includes(e.id as string)) {
      throw invalid(`identifier field can't represent '${e.id}' constant`);
    }
    if (e.ctx !== ctx) {
      throw invalid(`expression must have ${ctx} context but has ${e.ctx} instead`);
    }
  } else if (ctx !== "Load") {
    throw invalid(`expression which can't be assigned to in ${ctx} context`);
  }
  const list = (field: string) => e[field] as Node[];
  switch (kind) {
    case "BoolOp":
      if (list("values").length < 2) throw invalid("BoolOp with less than 2 values");
      return expressions(list("values"), "Load");
    case "BinOp":
      expression(e.left as Node, "Load");
      return expression(e.right as Node, "Load");
    case "UnaryOp":
      return expression(e.operand as Node, "Load");
    case "Lambda":
      argumentsNode(e.args as A.arguments);
      return expression(e.body as Node, "Load");
    case "IfExp":
      for (const f of ["test", "body", "orelse"]) expression(e[f] as Node, "Load");
      return;
    case "Dict":
      if (list("keys").length !== list("values").length) {
        throw invalid("Dict doesn't have the same number of keys as values");
      }
      expressions(list("keys"), "Load", true);
      return expressions(list("values"), "Load");
    case "Set":
      return expressions(list("elts"), "Load");
    case "ListComp":
    case "SetComp":
    case "GeneratorExp":
      generators(list("generators"));
      return expression(e.elt as Node, "Load");
    case "DictComp":
      generators(list("generators"));
      expression(e.key as Node, "Load");
      return expression(e.value as Node, "Load");
    case "Yield":
      return optional(e.value);
    case "YieldFrom":
    case "Await":
      return expression(e.value as Node, "Load");
    case "Compare":
      if (list("comparators").length === 0) throw invalid("Compare with no comparators");
      if (list("comparators").length !== list("ops").length) {
        throw invalid("Compare has a different number of comparators and operands");
      }
      expressions(list("comparators"), "Load");
      return expression(e.left as Node, "Load");
    case "Call":
      expression(e.func as Node, "Load");
      expressions(list("args"), "Load");
      return keywords(list("keywords"));
    case "JoinedStr":
      return expressions(list("values"), "Load");
    case "FormattedValue":
      expression(e.value as Node, "Load");
      return optional(e.format_spec);
    case "Attribute":
      return expression(e.value as Node, "Load");
    case "Subscript":
      expression(e.slice as Node, "Load");
      return expression(e.value as Node, "Load");
    case "Starred":
      return expression(e.value as Node, ctx);
    case "Slice":
      for (const f of ["lower", "upper", "step"]) optional(e[f]);
      return;
    case "List":
    case "Tuple":
      return expressions(list("elts"), ctx);
    case "NamedExpr":
      return expression(e.value as Node, "Load");
  }
}

function handlers(list: Node[]): void {
  for (const h of list) {
    positions(h);
    optional(h.type);
    body(h.body as Node[], "ExceptHandler");
  }
}

function statement(s: Node): void {
  positions(s);
  const kind = s._type;
  const list = (field: string) => s[field] as Node[];
  switch (kind) {
    case "FunctionDef":
    case "AsyncFunctionDef":
      body(list("body"), kind);
      argumentsNode(s.args as A.arguments);
      expressions(list("decorator_list"), "Load");
      return optional(s.returns);
    case "ClassDef":
      body(list("body"), kind);
      expressions(list("bases"), "Load");
      keywords(list("keywords"));
      return expressions(list("decorator_list"), "Load");
    case "Return":
      return optional(s.value);
    case "Delete":
      nonEmpty(list("targets"), "targets", kind);
      return expressions(list("targets"), "Del");
    case "Assign":
      nonEmpty(list("targets"), "targets", kind);
      expressions(list("targets"), "Store");
      return expression(s.value as Node, "Load");
    case "AugAssign":
      expression(s.target as Node, "Store");
      return expression(s.value as Node, "Load");
    case "AnnAssign":
      if ((s.target as Node)._type !== "Name" && s.simple) {
        throw PyErr_Format(PyExc_TypeError, "AnnAssign with simple non-Name target");
      }
      expression(s.target as Node, "Store");
      optional(s.value);
      return expression(s.annotation as Node, "Load");
    case "For":
    case "AsyncFor":
      expression(s.target as Node, "Store");
      expression(s.iter as Node, "Load");
      body(list("body"), kind);
      return statements(list("orelse"));
    case "While":
    case "If":
      expression(s.test as Node, "Load");
      body(list("body"), kind);
      return statements(list("orelse"));
    case "With":
    case "AsyncWith":
      nonEmpty(list("items"), "items", kind);
      for (const item of list("items")) {
        expression(item.context_expr as Node, "Load");
        optional(item.optional_vars, "Store");
      }
      return body(list("body"), kind);
    case "Match":
      expression(s.subject as Node, "Load");
      nonEmpty(list("cases"), "cases", kind);
      for (const c of list("cases")) {
        pattern(c.pattern as Node, false);
        optional(c.guard);
        body(c.body as Node[], "match_case");
      }
      return;
    case "Raise":
      if (s.exc !== null) {
        expression(s.exc as Node, "Load");
        return optional(s.cause);
      }
      if (s.cause !== null) throw invalid("Raise with cause but no exception");
      return;
    case "Try":
    case "TryStar":
      body(list("body"), kind);
      if (list("handlers").length === 0 && list("finalbody").length === 0) {
        throw invalid(`${kind} has neither except handlers nor finalbody`);
      }
      if (list("handlers").length === 0 && list("orelse").length > 0) {
        throw invalid(`${kind} has orelse but no except handlers`);
      }
      handlers(list("handlers"));
      statements(list("finalbody"));
      return statements(list("orelse"));
    case "Assert":
      expression(s.test as Node, "Load");
      return optional(s.msg);
    case "Import":
      return nonEmpty(list("names"), "names", kind);
    case "ImportFrom":
      if ((s.level as number) < 0) throw invalid("Negative ImportFrom level");
      return nonEmpty(list("names"), "names", kind);
    case "Global":
    case "Nonlocal":
      return nonEmpty(list("names"), "names", kind);
    case "Expr":
      return expression(s.value as Node, "Load");
  }
}

function literalPattern(e: Node): void {
  switch (e._type) {
    case "Constant": {
      expression(e, "Load");
      // numbers, strings and bytes; True, False and None are MatchSingleton's
      const v = e.value;
      const plain = typeof v === "bigint" || typeof v === "number" || typeof v === "string" ||
        v instanceof Uint8Array ||
        (v !== null && typeof v === "object" && (v as { kind?: string }).kind === "complex");
      if (!plain) throw invalid("unexpected constant inside of a literal pattern");
      return;
    }
    case "Attribute":
    case "UnaryOp":
    case "BinOp":
    case "JoinedStr":
      return expression(e, "Load");
  }
  throw invalid("patterns may only match literals and attribute lookups");
}

function capture(name: unknown): void {
  if (name === "_") throw invalid("can't capture name '_' in patterns");
}

function pattern(p: Node, starOk: boolean): void {
  positions(p);
  const list = (field: string) => p[field] as Node[];
  switch (p._type) {
    case "MatchValue":
      return literalPattern(p.value as Node);
    case "MatchSingleton":
      if (p.value !== null && typeof p.value !== "boolean") {
        throw invalid("MatchSingleton can only contain True, False and None");
      }
      return;
    case "MatchSequence":
      for (const q of list("patterns")) pattern(q, true);
      return;
    case "MatchMapping":
      if (list("keys").length !== list("patterns").length) {
        throw invalid("MatchMapping doesn't have the same number of keys as patterns");
      }
      if (p.rest !== null) capture(p.rest);
      for (const k of list("keys")) {
        const v = k.value;
        if (k._type === "Constant" && (v === null || typeof v === "boolean")) continue;
        literalPattern(k);
      }
      for (const q of list("patterns")) pattern(q, false);
      return;
    case "MatchClass": {
      if (list("kwd_attrs").length !== list("kwd_patterns").length) {
        throw invalid(
          "MatchClass doesn't have the same number of keyword attributes as patterns",
        );
      }
      const cls = p.cls as Node;
      if (cls._type !== "Name" && cls._type !== "Attribute") {
        throw invalid("MatchClass cls field can only contain Name or Attribute nodes.");
      }
      expression(cls, "Load");
      for (const q of [...list("patterns"), ...list("kwd_patterns")]) pattern(q, false);
      return;
    }
    case "MatchStar":
      if (!starOk) throw invalid("can't use MatchStar here");
      if (p.name !== null) capture(p.name);
      return;
    case "MatchAs":
      if (p.name !== null) capture(p.name);
      if (p.pattern === null) return;
      if (p.name === null) {
        throw invalid("MatchAs must specify a target name if a pattern is given");
      }
      return pattern(p.pattern as Node, false);
    case "MatchOr":
      if (list("patterns").length < 2) throw invalid("MatchOr requires at least 2 patterns");
      for (const q of list("patterns")) pattern(q, false);
      return;
  }
}

/** PyAST_Validate: throws a ValueError (or TypeError) for a tree compile() must refuse. */
export function validateMod(mod: A.mod): void {
  const m = mod as unknown as Node;
  switch (m._type) {
    case "Module":
    case "Interactive":
      return statements(m.body as Node[]);
    case "Expression":
      return expression(m.body as Node, "Load");
    case "FunctionType":
      expressions(m.argtypes as Node[], "Load");
      return expression(m.returns as Node, "Load");
  }
}
