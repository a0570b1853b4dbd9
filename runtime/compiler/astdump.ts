// ast.dump(node, include_attributes=True), as Lib/ast.py writes it: the class name, then
// each field as name=value (fields whose value is None and optional are left out), then
// the position attributes. Constants are written with the caller's repr, so the same
// function serves the tests (with the compiler's constant repr) and a Python-level `ast`.

import type { ConstantValue } from "./ast.ts";
import { FIELDS, HAS_ATTRIBUTES } from "./ast.ts";

/** Fields that are optional (`?` in the ASDL): left out of the dump when None. */
const OPTIONAL: ReadonlySet<string> = new Set([
  "FunctionDef.returns",
  "FunctionDef.type_comment",
  "AsyncFunctionDef.returns",
  "AsyncFunctionDef.type_comment",
  "Return.value",
  "Assign.type_comment",
  "AnnAssign.value",
  "For.type_comment",
  "AsyncFor.type_comment",
  "With.type_comment",
  "AsyncWith.type_comment",
  "Raise.exc",
  "Raise.cause",
  "Assert.msg",
  "ImportFrom.module",
  "ImportFrom.level",
  "Yield.value",
  "FormattedValue.format_spec",
  "Constant.kind",
  "Slice.lower",
  "Slice.upper",
  "Slice.step",
  "ExceptHandler.type",
  "ExceptHandler.name",
  "arguments.vararg",
  "arguments.kwarg",
  "arg.annotation",
  "arg.type_comment",
  "keyword.arg",
  "alias.asname",
  "withitem.optional_vars",
  "match_case.guard",
  "MatchMapping.rest",
  "MatchStar.name",
  "MatchAs.pattern",
  "MatchAs.name",
]);

/** Fields holding identifiers, strings or ints (written as Python reprs of str / int). */
const SIMPLE_INT: ReadonlySet<string> = new Set([
  "AnnAssign.simple",
  "ImportFrom.level",
  "FormattedValue.conversion",
  "comprehension.is_async",
  "TypeIgnore.lineno",
]);

const OPERATORS: ReadonlySet<string> = new Set([
  "Load",
  "Store",
  "Del",
  "And",
  "Or",
  "Add",
  "Sub",
  "Mult",
  "MatMult",
  "Div",
  "Mod",
  "Pow",
  "LShift",
  "RShift",
  "BitOr",
  "BitXor",
  "BitAnd",
  "FloorDiv",
  "Invert",
  "Not",
  "UAdd",
  "USub",
  "Eq",
  "NotEq",
  "Lt",
  "LtE",
  "Gt",
  "GtE",
  "Is",
  "IsNot",
  "In",
  "NotIn",
]);

const ATTRIBUTES = ["lineno", "col_offset", "end_lineno", "end_col_offset"] as const;

export interface DumpOptions {
  /** repr() of a constant value */
  reprConst: (v: ConstantValue) => string;
  /** repr() of a str (identifiers, names, type comments) */
  reprStr: (s: string) => string;
  includeAttributes?: boolean;
}

/** ast.dump(node, include_attributes=...) */
export function dump(node: unknown, options: DumpOptions): string {
  return format(node, options, "");
}

function format(node: unknown, o: DumpOptions, field: string): string {
  if (Array.isArray(node)) {
    if (node.length === 0) return "[]";
    return "[" + node.map((x) => format(x, o, field)).join(", ") + "]";
  }
  if (typeof node === "string") {
    if (OPERATORS.has(node) && isOperatorField(field)) return node + "()";
    return o.reprStr(node);
  }
  if (node === null) return "None";
  if (typeof node === "number") return String(node);
  const n = node as { _type: string } & Record<string, unknown>;
  const cls = n._type;
  const args: string[] = [];
  for (const name of FIELDS[cls]) {
    const value = n[name];
    const key = cls + "." + name;
    if (value === null && OPTIONAL.has(key)) continue;
    if (cls === "Constant" && name === "value") {
      args.push(`${name}=${o.reprConst(value as ConstantValue)}`);
    } else if (cls === "MatchSingleton" && name === "value") {
      args.push(`${name}=${o.reprConst(value as ConstantValue)}`);
    } else if (SIMPLE_INT.has(key)) {
      args.push(`${name}=${String(value)}`);
    } else {
      args.push(`${name}=${format(value, o, name)}`);
    }
  }
  if (o.includeAttributes !== false && HAS_ATTRIBUTES.has(cls)) {
    for (const name of ATTRIBUTES) {
      const value = n[name];
      if (value === null || value === undefined) continue;
      args.push(`${name}=${String(value)}`);
    }
  }
  return `${cls}(${args.join(", ")})`;
}

function isOperatorField(field: string): boolean {
  return field === "ctx" || field === "op" || field === "ops";
}
