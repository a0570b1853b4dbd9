// The abstract syntax tree, node for node as Python 3.11's `ast` module has it
// (Parser/Python.asdl): the same class names, the same fields in the same order, and the
// same positions (lineno, col_offset, end_lineno, end_col_offset; columns are UTF-8 byte
// offsets). Nodes are plain objects tagged with `_type`; operators and expression contexts
// are their class names as strings ("Add", "Load"). A later `ast` module builds Python
// objects from these; the code generator reads them directly.
//
// The constructors Set, List, Tuple and Dict shadow JavaScript's globals inside this
// module; import it as a namespace (`import * as ast from "./ast.ts"`).

import type { Constant as ConstantValue } from "./code.ts";

export type { ConstantValue };

/** The position attributes of statements, expressions and the other located nodes. */
export interface Located {
  lineno: number;
  col_offset: number;
  end_lineno: number;
  end_col_offset: number;
}

export type expr_context = "Load" | "Store" | "Del";
export type boolop = "And" | "Or";
export type operator =
  | "Add"
  | "Sub"
  | "Mult"
  | "MatMult"
  | "Div"
  | "Mod"
  | "Pow"
  | "LShift"
  | "RShift"
  | "BitOr"
  | "BitXor"
  | "BitAnd"
  | "FloorDiv";
export type unaryop = "Invert" | "Not" | "UAdd" | "USub";
export type cmpop = "Eq" | "NotEq" | "Lt" | "LtE" | "Gt" | "GtE" | "Is" | "IsNot" | "In" | "NotIn";

export type mod = Module | Interactive | Expression | FunctionType;
export interface Module {
  _type: "Module";
  body: stmt[];
  type_ignores: type_ignore[];
}
export interface Interactive {
  _type: "Interactive";
  body: stmt[];
}
export interface Expression {
  _type: "Expression";
  body: expr;
}
export interface FunctionType {
  _type: "FunctionType";
  argtypes: expr[];
  returns: expr;
}
export type stmt =
  | FunctionDef
  | AsyncFunctionDef
  | ClassDef
  | Return
  | Delete
  | Assign
  | AugAssign
  | AnnAssign
  | For
  | AsyncFor
  | While
  | If
  | With
  | AsyncWith
  | Match
  | Raise
  | Try
  | TryStar
  | Assert
  | Import
  | ImportFrom
  | Global
  | Nonlocal
  | Expr
  | Pass
  | Break
  | Continue;
export interface FunctionDef extends Located {
  _type: "FunctionDef";
  name: string;
  args: arguments;
  body: stmt[];
  decorator_list: expr[];
  returns: expr | null;
  type_comment: string | null;
}
export interface AsyncFunctionDef extends Located {
  _type: "AsyncFunctionDef";
  name: string;
  args: arguments;
  body: stmt[];
  decorator_list: expr[];
  returns: expr | null;
  type_comment: string | null;
}
export interface ClassDef extends Located {
  _type: "ClassDef";
  name: string;
  bases: expr[];
  keywords: keyword[];
  body: stmt[];
  decorator_list: expr[];
}
export interface Return extends Located {
  _type: "Return";
  value: expr | null;
}
export interface Delete extends Located {
  _type: "Delete";
  targets: expr[];
}
export interface Assign extends Located {
  _type: "Assign";
  targets: expr[];
  value: expr;
  type_comment: string | null;
}
export interface AugAssign extends Located {
  _type: "AugAssign";
  target: expr;
  op: operator;
  value: expr;
}
export interface AnnAssign extends Located {
  _type: "AnnAssign";
  target: expr;
  annotation: expr;
  value: expr | null;
  simple: number;
}
export interface For extends Located {
  _type: "For";
  target: expr;
  iter: expr;
  body: stmt[];
  orelse: stmt[];
  type_comment: string | null;
}
export interface AsyncFor extends Located {
  _type: "AsyncFor";
  target: expr;
  iter: expr;
  body: stmt[];
  orelse: stmt[];
  type_comment: string | null;
}
export interface While extends Located {
  _type: "While";
  test: expr;
  body: stmt[];
  orelse: stmt[];
}
export interface If extends Located {
  _type: "If";
  test: expr;
  body: stmt[];
  orelse: stmt[];
}
export interface With extends Located {
  _type: "With";
  items: withitem[];
  body: stmt[];
  type_comment: string | null;
}
export interface AsyncWith extends Located {
  _type: "AsyncWith";
  items: withitem[];
  body: stmt[];
  type_comment: string | null;
}
export interface Match extends Located {
  _type: "Match";
  subject: expr;
  cases: match_case[];
}
export interface Raise extends Located {
  _type: "Raise";
  exc: expr | null;
  cause: expr | null;
}
export interface Try extends Located {
  _type: "Try";
  body: stmt[];
  handlers: excepthandler[];
  orelse: stmt[];
  finalbody: stmt[];
}
export interface TryStar extends Located {
  _type: "TryStar";
  body: stmt[];
  handlers: excepthandler[];
  orelse: stmt[];
  finalbody: stmt[];
}
export interface Assert extends Located {
  _type: "Assert";
  test: expr;
  msg: expr | null;
}
export interface Import extends Located {
  _type: "Import";
  names: alias[];
}
export interface ImportFrom extends Located {
  _type: "ImportFrom";
  module: string | null;
  names: alias[];
  level: number | null;
}
export interface Global extends Located {
  _type: "Global";
  names: string[];
}
export interface Nonlocal extends Located {
  _type: "Nonlocal";
  names: string[];
}
export interface Expr extends Located {
  _type: "Expr";
  value: expr;
}
export interface Pass extends Located {
  _type: "Pass";
}
export interface Break extends Located {
  _type: "Break";
}
export interface Continue extends Located {
  _type: "Continue";
}
export type expr =
  | BoolOp
  | NamedExpr
  | BinOp
  | UnaryOp
  | Lambda
  | IfExp
  | Dict
  | Set
  | ListComp
  | SetComp
  | DictComp
  | GeneratorExp
  | Await
  | Yield
  | YieldFrom
  | Compare
  | Call
  | FormattedValue
  | JoinedStr
  | Constant
  | Attribute
  | Subscript
  | Starred
  | Name
  | List
  | Tuple
  | Slice;
export interface BoolOp extends Located {
  _type: "BoolOp";
  op: boolop;
  values: expr[];
}
export interface NamedExpr extends Located {
  _type: "NamedExpr";
  target: expr;
  value: expr;
}
export interface BinOp extends Located {
  _type: "BinOp";
  left: expr;
  op: operator;
  right: expr;
}
export interface UnaryOp extends Located {
  _type: "UnaryOp";
  op: unaryop;
  operand: expr;
}
export interface Lambda extends Located {
  _type: "Lambda";
  args: arguments;
  body: expr;
}
export interface IfExp extends Located {
  _type: "IfExp";
  test: expr;
  body: expr;
  orelse: expr;
}
export interface Dict extends Located {
  _type: "Dict";
  /** null for a `**mapping` entry */
  keys: (expr | null)[];
  values: expr[];
}
export interface Set extends Located {
  _type: "Set";
  elts: expr[];
}
export interface ListComp extends Located {
  _type: "ListComp";
  elt: expr;
  generators: comprehension[];
}
export interface SetComp extends Located {
  _type: "SetComp";
  elt: expr;
  generators: comprehension[];
}
export interface DictComp extends Located {
  _type: "DictComp";
  key: expr;
  value: expr;
  generators: comprehension[];
}
export interface GeneratorExp extends Located {
  _type: "GeneratorExp";
  elt: expr;
  generators: comprehension[];
}
export interface Await extends Located {
  _type: "Await";
  value: expr;
}
export interface Yield extends Located {
  _type: "Yield";
  value: expr | null;
}
export interface YieldFrom extends Located {
  _type: "YieldFrom";
  value: expr;
}
export interface Compare extends Located {
  _type: "Compare";
  left: expr;
  ops: cmpop[];
  comparators: expr[];
}
export interface Call extends Located {
  _type: "Call";
  func: expr;
  args: expr[];
  keywords: keyword[];
}
export interface FormattedValue extends Located {
  _type: "FormattedValue";
  value: expr;
  conversion: number;
  format_spec: expr | null;
}
export interface JoinedStr extends Located {
  _type: "JoinedStr";
  values: expr[];
}
export interface Constant extends Located {
  _type: "Constant";
  value: ConstantValue;
  kind: string | null;
}
export interface Attribute extends Located {
  _type: "Attribute";
  value: expr;
  attr: string;
  ctx: expr_context;
}
export interface Subscript extends Located {
  _type: "Subscript";
  value: expr;
  slice: expr;
  ctx: expr_context;
}
export interface Starred extends Located {
  _type: "Starred";
  value: expr;
  ctx: expr_context;
}
export interface Name extends Located {
  _type: "Name";
  id: string;
  ctx: expr_context;
}
export interface List extends Located {
  _type: "List";
  elts: expr[];
  ctx: expr_context;
}
export interface Tuple extends Located {
  _type: "Tuple";
  elts: expr[];
  ctx: expr_context;
}
export interface Slice extends Located {
  _type: "Slice";
  lower: expr | null;
  upper: expr | null;
  step: expr | null;
}
export type excepthandler = ExceptHandler;
export interface ExceptHandler extends Located {
  _type: "ExceptHandler";
  type: expr | null;
  name: string | null;
  body: stmt[];
}
export type pattern =
  | MatchValue
  | MatchSingleton
  | MatchSequence
  | MatchMapping
  | MatchClass
  | MatchStar
  | MatchAs
  | MatchOr;
export interface MatchValue extends Located {
  _type: "MatchValue";
  value: expr;
}
export interface MatchSingleton extends Located {
  _type: "MatchSingleton";
  value: ConstantValue;
}
export interface MatchSequence extends Located {
  _type: "MatchSequence";
  patterns: pattern[];
}
export interface MatchMapping extends Located {
  _type: "MatchMapping";
  keys: expr[];
  patterns: pattern[];
  rest: string | null;
}
export interface MatchClass extends Located {
  _type: "MatchClass";
  cls: expr;
  patterns: pattern[];
  kwd_attrs: string[];
  kwd_patterns: pattern[];
}
export interface MatchStar extends Located {
  _type: "MatchStar";
  name: string | null;
}
export interface MatchAs extends Located {
  _type: "MatchAs";
  pattern: pattern | null;
  name: string | null;
}
export interface MatchOr extends Located {
  _type: "MatchOr";
  patterns: pattern[];
}
export type type_ignore = TypeIgnore;
export interface TypeIgnore {
  _type: "TypeIgnore";
  lineno: number;
  tag: string;
}
export interface comprehension {
  _type: "comprehension";
  target: expr;
  iter: expr;
  ifs: expr[];
  is_async: number;
}
export interface arguments {
  _type: "arguments";
  posonlyargs: arg[];
  args: arg[];
  vararg: arg | null;
  kwonlyargs: arg[];
  /** null where a keyword-only parameter has no default */
  kw_defaults: (expr | null)[];
  kwarg: arg | null;
  defaults: expr[];
}
export interface arg extends Located {
  _type: "arg";
  arg: string;
  annotation: expr | null;
  type_comment: string | null;
}
export interface keyword extends Located {
  _type: "keyword";
  arg: string | null;
  value: expr;
}
export interface alias extends Located {
  _type: "alias";
  name: string;
  asname: string | null;
}
export interface withitem {
  _type: "withitem";
  context_expr: expr;
  optional_vars: expr | null;
}
export interface match_case {
  _type: "match_case";
  pattern: pattern;
  guard: expr | null;
  body: stmt[];
}

export function Module(
  body: stmt[],
  type_ignores: type_ignore[],
): Module {
  return { _type: "Module", body, type_ignores };
}
export function Interactive(
  body: stmt[],
): Interactive {
  return { _type: "Interactive", body };
}
export function Expression(
  body: expr,
): Expression {
  return { _type: "Expression", body };
}
export function FunctionType(
  argtypes: expr[],
  returns: expr,
): FunctionType {
  return { _type: "FunctionType", argtypes, returns };
}
export function FunctionDef(
  name: string,
  args: arguments,
  body: stmt[],
  decorator_list: expr[],
  returns: expr | null,
  type_comment: string | null,
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): FunctionDef {
  return {
    _type: "FunctionDef",
    name,
    args,
    body,
    decorator_list,
    returns,
    type_comment,
    lineno,
    col_offset,
    end_lineno,
    end_col_offset,
  };
}
export function AsyncFunctionDef(
  name: string,
  args: arguments,
  body: stmt[],
  decorator_list: expr[],
  returns: expr | null,
  type_comment: string | null,
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): AsyncFunctionDef {
  return {
    _type: "AsyncFunctionDef",
    name,
    args,
    body,
    decorator_list,
    returns,
    type_comment,
    lineno,
    col_offset,
    end_lineno,
    end_col_offset,
  };
}
export function ClassDef(
  name: string,
  bases: expr[],
  keywords: keyword[],
  body: stmt[],
  decorator_list: expr[],
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): ClassDef {
  return {
    _type: "ClassDef",
    name,
    bases,
    keywords,
    body,
    decorator_list,
    lineno,
    col_offset,
    end_lineno,
    end_col_offset,
  };
}
export function Return(
  value: expr | null,
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): Return {
  return { _type: "Return", value, lineno, col_offset, end_lineno, end_col_offset };
}
export function Delete(
  targets: expr[],
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): Delete {
  return { _type: "Delete", targets, lineno, col_offset, end_lineno, end_col_offset };
}
export function Assign(
  targets: expr[],
  value: expr,
  type_comment: string | null,
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): Assign {
  return {
    _type: "Assign",
    targets,
    value,
    type_comment,
    lineno,
    col_offset,
    end_lineno,
    end_col_offset,
  };
}
export function AugAssign(
  target: expr,
  op: operator,
  value: expr,
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): AugAssign {
  return { _type: "AugAssign", target, op, value, lineno, col_offset, end_lineno, end_col_offset };
}
export function AnnAssign(
  target: expr,
  annotation: expr,
  value: expr | null,
  simple: number,
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): AnnAssign {
  return {
    _type: "AnnAssign",
    target,
    annotation,
    value,
    simple,
    lineno,
    col_offset,
    end_lineno,
    end_col_offset,
  };
}
export function For(
  target: expr,
  iter: expr,
  body: stmt[],
  orelse: stmt[],
  type_comment: string | null,
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): For {
  return {
    _type: "For",
    target,
    iter,
    body,
    orelse,
    type_comment,
    lineno,
    col_offset,
    end_lineno,
    end_col_offset,
  };
}
export function AsyncFor(
  target: expr,
  iter: expr,
  body: stmt[],
  orelse: stmt[],
  type_comment: string | null,
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): AsyncFor {
  return {
    _type: "AsyncFor",
    target,
    iter,
    body,
    orelse,
    type_comment,
    lineno,
    col_offset,
    end_lineno,
    end_col_offset,
  };
}
export function While(
  test: expr,
  body: stmt[],
  orelse: stmt[],
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): While {
  return { _type: "While", test, body, orelse, lineno, col_offset, end_lineno, end_col_offset };
}
export function If(
  test: expr,
  body: stmt[],
  orelse: stmt[],
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): If {
  return { _type: "If", test, body, orelse, lineno, col_offset, end_lineno, end_col_offset };
}
export function With(
  items: withitem[],
  body: stmt[],
  type_comment: string | null,
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): With {
  return {
    _type: "With",
    items,
    body,
    type_comment,
    lineno,
    col_offset,
    end_lineno,
    end_col_offset,
  };
}
export function AsyncWith(
  items: withitem[],
  body: stmt[],
  type_comment: string | null,
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): AsyncWith {
  return {
    _type: "AsyncWith",
    items,
    body,
    type_comment,
    lineno,
    col_offset,
    end_lineno,
    end_col_offset,
  };
}
export function Match(
  subject: expr,
  cases: match_case[],
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): Match {
  return { _type: "Match", subject, cases, lineno, col_offset, end_lineno, end_col_offset };
}
export function Raise(
  exc: expr | null,
  cause: expr | null,
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): Raise {
  return { _type: "Raise", exc, cause, lineno, col_offset, end_lineno, end_col_offset };
}
export function Try(
  body: stmt[],
  handlers: excepthandler[],
  orelse: stmt[],
  finalbody: stmt[],
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): Try {
  return {
    _type: "Try",
    body,
    handlers,
    orelse,
    finalbody,
    lineno,
    col_offset,
    end_lineno,
    end_col_offset,
  };
}
export function TryStar(
  body: stmt[],
  handlers: excepthandler[],
  orelse: stmt[],
  finalbody: stmt[],
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): TryStar {
  return {
    _type: "TryStar",
    body,
    handlers,
    orelse,
    finalbody,
    lineno,
    col_offset,
    end_lineno,
    end_col_offset,
  };
}
export function Assert(
  test: expr,
  msg: expr | null,
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): Assert {
  return { _type: "Assert", test, msg, lineno, col_offset, end_lineno, end_col_offset };
}
export function Import(
  names: alias[],
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): Import {
  return { _type: "Import", names, lineno, col_offset, end_lineno, end_col_offset };
}
export function ImportFrom(
  module: string | null,
  names: alias[],
  level: number | null,
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): ImportFrom {
  return {
    _type: "ImportFrom",
    module,
    names,
    level,
    lineno,
    col_offset,
    end_lineno,
    end_col_offset,
  };
}
export function Global(
  names: string[],
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): Global {
  return { _type: "Global", names, lineno, col_offset, end_lineno, end_col_offset };
}
export function Nonlocal(
  names: string[],
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): Nonlocal {
  return { _type: "Nonlocal", names, lineno, col_offset, end_lineno, end_col_offset };
}
export function Expr(
  value: expr,
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): Expr {
  return { _type: "Expr", value, lineno, col_offset, end_lineno, end_col_offset };
}
export function Pass(
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): Pass {
  return { _type: "Pass", lineno, col_offset, end_lineno, end_col_offset };
}
export function Break(
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): Break {
  return { _type: "Break", lineno, col_offset, end_lineno, end_col_offset };
}
export function Continue(
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): Continue {
  return { _type: "Continue", lineno, col_offset, end_lineno, end_col_offset };
}
export function BoolOp(
  op: boolop,
  values: expr[],
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): BoolOp {
  return { _type: "BoolOp", op, values, lineno, col_offset, end_lineno, end_col_offset };
}
export function NamedExpr(
  target: expr,
  value: expr,
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): NamedExpr {
  return { _type: "NamedExpr", target, value, lineno, col_offset, end_lineno, end_col_offset };
}
export function BinOp(
  left: expr,
  op: operator,
  right: expr,
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): BinOp {
  return { _type: "BinOp", left, op, right, lineno, col_offset, end_lineno, end_col_offset };
}
export function UnaryOp(
  op: unaryop,
  operand: expr,
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): UnaryOp {
  return { _type: "UnaryOp", op, operand, lineno, col_offset, end_lineno, end_col_offset };
}
export function Lambda(
  args: arguments,
  body: expr,
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): Lambda {
  return { _type: "Lambda", args, body, lineno, col_offset, end_lineno, end_col_offset };
}
export function IfExp(
  test: expr,
  body: expr,
  orelse: expr,
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): IfExp {
  return { _type: "IfExp", test, body, orelse, lineno, col_offset, end_lineno, end_col_offset };
}
export function Dict(
  keys: (expr | null)[],
  values: expr[],
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): Dict {
  return { _type: "Dict", keys, values, lineno, col_offset, end_lineno, end_col_offset };
}
export function Set(
  elts: expr[],
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): Set {
  return { _type: "Set", elts, lineno, col_offset, end_lineno, end_col_offset };
}
export function ListComp(
  elt: expr,
  generators: comprehension[],
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): ListComp {
  return { _type: "ListComp", elt, generators, lineno, col_offset, end_lineno, end_col_offset };
}
export function SetComp(
  elt: expr,
  generators: comprehension[],
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): SetComp {
  return { _type: "SetComp", elt, generators, lineno, col_offset, end_lineno, end_col_offset };
}
export function DictComp(
  key: expr,
  value: expr,
  generators: comprehension[],
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): DictComp {
  return {
    _type: "DictComp",
    key,
    value,
    generators,
    lineno,
    col_offset,
    end_lineno,
    end_col_offset,
  };
}
export function GeneratorExp(
  elt: expr,
  generators: comprehension[],
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): GeneratorExp {
  return { _type: "GeneratorExp", elt, generators, lineno, col_offset, end_lineno, end_col_offset };
}
export function Await(
  value: expr,
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): Await {
  return { _type: "Await", value, lineno, col_offset, end_lineno, end_col_offset };
}
export function Yield(
  value: expr | null,
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): Yield {
  return { _type: "Yield", value, lineno, col_offset, end_lineno, end_col_offset };
}
export function YieldFrom(
  value: expr,
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): YieldFrom {
  return { _type: "YieldFrom", value, lineno, col_offset, end_lineno, end_col_offset };
}
export function Compare(
  left: expr,
  ops: cmpop[],
  comparators: expr[],
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): Compare {
  return {
    _type: "Compare",
    left,
    ops,
    comparators,
    lineno,
    col_offset,
    end_lineno,
    end_col_offset,
  };
}
export function Call(
  func: expr,
  args: expr[],
  keywords: keyword[],
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): Call {
  return { _type: "Call", func, args, keywords, lineno, col_offset, end_lineno, end_col_offset };
}
export function FormattedValue(
  value: expr,
  conversion: number,
  format_spec: expr | null,
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): FormattedValue {
  return {
    _type: "FormattedValue",
    value,
    conversion,
    format_spec,
    lineno,
    col_offset,
    end_lineno,
    end_col_offset,
  };
}
export function JoinedStr(
  values: expr[],
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): JoinedStr {
  return { _type: "JoinedStr", values, lineno, col_offset, end_lineno, end_col_offset };
}
export function Constant(
  value: ConstantValue,
  kind: string | null,
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): Constant {
  return { _type: "Constant", value, kind, lineno, col_offset, end_lineno, end_col_offset };
}
export function Attribute(
  value: expr,
  attr: string,
  ctx: expr_context,
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): Attribute {
  return { _type: "Attribute", value, attr, ctx, lineno, col_offset, end_lineno, end_col_offset };
}
export function Subscript(
  value: expr,
  slice: expr,
  ctx: expr_context,
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): Subscript {
  return { _type: "Subscript", value, slice, ctx, lineno, col_offset, end_lineno, end_col_offset };
}
export function Starred(
  value: expr,
  ctx: expr_context,
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): Starred {
  return { _type: "Starred", value, ctx, lineno, col_offset, end_lineno, end_col_offset };
}
export function Name(
  id: string,
  ctx: expr_context,
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): Name {
  return { _type: "Name", id, ctx, lineno, col_offset, end_lineno, end_col_offset };
}
export function List(
  elts: expr[],
  ctx: expr_context,
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): List {
  return { _type: "List", elts, ctx, lineno, col_offset, end_lineno, end_col_offset };
}
export function Tuple(
  elts: expr[],
  ctx: expr_context,
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): Tuple {
  return { _type: "Tuple", elts, ctx, lineno, col_offset, end_lineno, end_col_offset };
}
export function Slice(
  lower: expr | null,
  upper: expr | null,
  step: expr | null,
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): Slice {
  return { _type: "Slice", lower, upper, step, lineno, col_offset, end_lineno, end_col_offset };
}
export function ExceptHandler(
  type: expr | null,
  name: string | null,
  body: stmt[],
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): ExceptHandler {
  return {
    _type: "ExceptHandler",
    type,
    name,
    body,
    lineno,
    col_offset,
    end_lineno,
    end_col_offset,
  };
}
export function MatchValue(
  value: expr,
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): MatchValue {
  return { _type: "MatchValue", value, lineno, col_offset, end_lineno, end_col_offset };
}
export function MatchSingleton(
  value: ConstantValue,
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): MatchSingleton {
  return { _type: "MatchSingleton", value, lineno, col_offset, end_lineno, end_col_offset };
}
export function MatchSequence(
  patterns: pattern[],
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): MatchSequence {
  return { _type: "MatchSequence", patterns, lineno, col_offset, end_lineno, end_col_offset };
}
export function MatchMapping(
  keys: expr[],
  patterns: pattern[],
  rest: string | null,
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): MatchMapping {
  return {
    _type: "MatchMapping",
    keys,
    patterns,
    rest,
    lineno,
    col_offset,
    end_lineno,
    end_col_offset,
  };
}
export function MatchClass(
  cls: expr,
  patterns: pattern[],
  kwd_attrs: string[],
  kwd_patterns: pattern[],
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): MatchClass {
  return {
    _type: "MatchClass",
    cls,
    patterns,
    kwd_attrs,
    kwd_patterns,
    lineno,
    col_offset,
    end_lineno,
    end_col_offset,
  };
}
export function MatchStar(
  name: string | null,
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): MatchStar {
  return { _type: "MatchStar", name, lineno, col_offset, end_lineno, end_col_offset };
}
export function MatchAs(
  pattern: pattern | null,
  name: string | null,
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): MatchAs {
  return { _type: "MatchAs", pattern, name, lineno, col_offset, end_lineno, end_col_offset };
}
export function MatchOr(
  patterns: pattern[],
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): MatchOr {
  return { _type: "MatchOr", patterns, lineno, col_offset, end_lineno, end_col_offset };
}
export function TypeIgnore(
  lineno: number,
  tag: string,
): TypeIgnore {
  return { _type: "TypeIgnore", lineno, tag };
}
export function comprehension(
  target: expr,
  iter: expr,
  ifs: expr[],
  is_async: number,
): comprehension {
  return { _type: "comprehension", target, iter, ifs, is_async };
}
export function arguments_(
  posonlyargs: arg[],
  args: arg[],
  vararg: arg | null,
  kwonlyargs: arg[],
  kw_defaults: (expr | null)[],
  kwarg: arg | null,
  defaults: expr[],
): arguments {
  return {
    _type: "arguments",
    posonlyargs,
    args,
    vararg,
    kwonlyargs,
    kw_defaults,
    kwarg,
    defaults,
  };
}
export function arg(
  arg: string,
  annotation: expr | null,
  type_comment: string | null,
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): arg {
  return {
    _type: "arg",
    arg,
    annotation,
    type_comment,
    lineno,
    col_offset,
    end_lineno,
    end_col_offset,
  };
}
export function keyword(
  arg: string | null,
  value: expr,
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): keyword {
  return { _type: "keyword", arg, value, lineno, col_offset, end_lineno, end_col_offset };
}
export function alias(
  name: string,
  asname: string | null,
  lineno: number,
  col_offset: number,
  end_lineno: number,
  end_col_offset: number,
): alias {
  return { _type: "alias", name, asname, lineno, col_offset, end_lineno, end_col_offset };
}
export function withitem(
  context_expr: expr,
  optional_vars: expr | null,
): withitem {
  return { _type: "withitem", context_expr, optional_vars };
}
export function match_case(
  pattern: pattern,
  guard: expr | null,
  body: stmt[],
): match_case {
  return { _type: "match_case", pattern, guard, body };
}

/** Each class's _fields, in order (the ast module's). */
export const FIELDS: Readonly<Record<string, readonly string[]>> = {
  Module: ["body", "type_ignores"],
  Interactive: ["body"],
  Expression: ["body"],
  FunctionType: ["argtypes", "returns"],
  FunctionDef: ["name", "args", "body", "decorator_list", "returns", "type_comment"],
  AsyncFunctionDef: ["name", "args", "body", "decorator_list", "returns", "type_comment"],
  ClassDef: ["name", "bases", "keywords", "body", "decorator_list"],
  Return: ["value"],
  Delete: ["targets"],
  Assign: ["targets", "value", "type_comment"],
  AugAssign: ["target", "op", "value"],
  AnnAssign: ["target", "annotation", "value", "simple"],
  For: ["target", "iter", "body", "orelse", "type_comment"],
  AsyncFor: ["target", "iter", "body", "orelse", "type_comment"],
  While: ["test", "body", "orelse"],
  If: ["test", "body", "orelse"],
  With: ["items", "body", "type_comment"],
  AsyncWith: ["items", "body", "type_comment"],
  Match: ["subject", "cases"],
  Raise: ["exc", "cause"],
  Try: ["body", "handlers", "orelse", "finalbody"],
  TryStar: ["body", "handlers", "orelse", "finalbody"],
  Assert: ["test", "msg"],
  Import: ["names"],
  ImportFrom: ["module", "names", "level"],
  Global: ["names"],
  Nonlocal: ["names"],
  Expr: ["value"],
  Pass: [],
  Break: [],
  Continue: [],
  BoolOp: ["op", "values"],
  NamedExpr: ["target", "value"],
  BinOp: ["left", "op", "right"],
  UnaryOp: ["op", "operand"],
  Lambda: ["args", "body"],
  IfExp: ["test", "body", "orelse"],
  Dict: ["keys", "values"],
  Set: ["elts"],
  ListComp: ["elt", "generators"],
  SetComp: ["elt", "generators"],
  DictComp: ["key", "value", "generators"],
  GeneratorExp: ["elt", "generators"],
  Await: ["value"],
  Yield: ["value"],
  YieldFrom: ["value"],
  Compare: ["left", "ops", "comparators"],
  Call: ["func", "args", "keywords"],
  FormattedValue: ["value", "conversion", "format_spec"],
  JoinedStr: ["values"],
  Constant: ["value", "kind"],
  Attribute: ["value", "attr", "ctx"],
  Subscript: ["value", "slice", "ctx"],
  Starred: ["value", "ctx"],
  Name: ["id", "ctx"],
  List: ["elts", "ctx"],
  Tuple: ["elts", "ctx"],
  Slice: ["lower", "upper", "step"],
  ExceptHandler: ["type", "name", "body"],
  MatchValue: ["value"],
  MatchSingleton: ["value"],
  MatchSequence: ["patterns"],
  MatchMapping: ["keys", "patterns", "rest"],
  MatchClass: ["cls", "patterns", "kwd_attrs", "kwd_patterns"],
  MatchStar: ["name"],
  MatchAs: ["pattern", "name"],
  MatchOr: ["patterns"],
  TypeIgnore: ["lineno", "tag"],
  comprehension: ["target", "iter", "ifs", "is_async"],
  arguments: ["posonlyargs", "args", "vararg", "kwonlyargs", "kw_defaults", "kwarg", "defaults"],
  arg: ["arg", "annotation", "type_comment"],
  keyword: ["arg", "value"],
  alias: ["name", "asname"],
  withitem: ["context_expr", "optional_vars"],
  match_case: ["pattern", "guard", "body"],
};

/** Classes whose instances carry position attributes (the ast module's `_attributes`). */
export const HAS_ATTRIBUTES: ReadonlySet<string> = new globalThis.Set(
  Object.keys(FIELDS).filter((k) =>
    ![
      "Module",
      "Interactive",
      "Expression",
      "FunctionType",
      "TypeIgnore",
      "comprehension",
      "arguments",
      "withitem",
      "match_case",
    ].includes(k)
  ),
);

/** Any node of the tree. */
export type AST =
  | mod
  | stmt
  | expr
  | excepthandler
  | pattern
  | type_ignore
  | comprehension
  | arguments
  | arg
  | keyword
  | alias
  | withitem
  | match_case;
