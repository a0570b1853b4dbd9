// _ast: Python's view of the compiler's syntax tree (CPython's Python/Python-ast.c). The
// node classes are made in Python from the grammar below (Parser/Python.asdl of 3.11), so
// that each has its _fields, _attributes, signature docstring and None defaults for
// optional fields; this file turns the parser's tree (runtime/compiler/ast.ts, plain
// objects) into instances of those classes (ast2obj) and instances back into a tree the
// compiler takes (obj2ast), for compile(source, ..., PyCF_ONLY_AST) and compile(tree, ...).

import { fileLine, warnThroughModule } from "../vm/pythonrun.ts";
import {
  Py_DECREF,
  Py_Ellipsis,
  Py_False,
  Py_INCREF,
  Py_None,
  Py_True,
  PyObject,
} from "../objects/object.ts";
import { PyErr_Format } from "../objects/errors.ts";
import { PyExc_TypeError, PyExc_ValueError } from "../objects/exceptions.ts";
import {
  PyUnicode_Check,
  PyUnicode_FromString,
  PyUnicode_InternFromString,
} from "../objects/unicodeobject.ts";
import {
  longValue,
  PyLong_Check,
  PyLong_FromBigInt,
  PyLong_FromNumber,
} from "../objects/longobject.ts";
import { PyBool_Check } from "../objects/boolobject.ts";
import { PyFloat_AS_DOUBLE, PyFloat_Check, PyFloat_FromDouble } from "../objects/floatobject.ts";
import { PyComplex_Check, PyComplex_FromDoubles } from "../objects/complexobject.ts";
import { bytesLike, PyBytes_Check, PyBytes_FromBytes } from "../objects/bytesobject.ts";
import { listItems, PyList_Check, PyList_FromArraySteal } from "../objects/listobject.ts";
import { PyTuple_Check, PyTuple_FromArraySteal, tupleItems } from "../objects/tupleobject.ts";
import { PyFrozenSet_Check, setItems } from "../objects/setobject.ts";
import { dictGetStr, PyDict_SetItemString } from "../objects/dictobject.ts";
import { PyObject_CallNoArgs } from "../objects/call.ts";
import {
  _PyObject_LookupAttr,
  PyObject_Repr,
  PyObject_SetAttr,
  str,
} from "../objects/objectops.ts";
import { _Py_ID } from "../objects/unicodeobject.ts";
import type * as A from "../compiler/ast.ts";
import type { Constant } from "../compiler/code.ts";
import { importModule } from "../vm/imports.ts";
import { syntaxErrorFrom } from "../vm/pythonrun.ts";
import { registerRoots } from "../memory/audit.ts";
import { compileAst, CompileError } from "../compiler/compile.ts";
import { parse } from "../compiler/parser.ts";
import { ConstantPool, PyCode_FromUnit } from "../objects/codeobject.ts";
import { registerFrozenModule } from "./frozen.ts";
import { validateMod } from "./astvalidate.ts";

// ---- the grammar ---------------------------------------------------------------------------

/**
 * Python 3.11's abstract grammar: each type, then its constructors (or, for a product type,
 * its one field list), then its attributes. `*` marks a list field, `?` an optional one.
 */
const GRAMMAR = `
mod = Module(stmt* body, type_ignore* type_ignores)
    | Interactive(stmt* body)
    | Expression(expr body)
    | FunctionType(expr* argtypes, expr returns)

stmt = FunctionDef(identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment)
     | AsyncFunctionDef(identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment)
     | ClassDef(identifier name, expr* bases, keyword* keywords, stmt* body, expr* decorator_list)
     | Return(expr? value)
     | Delete(expr* targets)
     | Assign(expr* targets, expr value, string? type_comment)
     | AugAssign(expr target, operator op, expr value)
     | AnnAssign(expr target, expr annotation, expr? value, int simple)
     | For(expr target, expr iter, stmt* body, stmt* orelse, string? type_comment)
     | AsyncFor(expr target, expr iter, stmt* body, stmt* orelse, string? type_comment)
     | While(expr test, stmt* body, stmt* orelse)
     | If(expr test, stmt* body, stmt* orelse)
     | With(withitem* items, stmt* body, string? type_comment)
     | AsyncWith(withitem* items, stmt* body, string? type_comment)
     | Match(expr subject, match_case* cases)
     | Raise(expr? exc, expr? cause)
     | Try(stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody)
     | TryStar(stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody)
     | Assert(expr test, expr? msg)
     | Import(alias* names)
     | ImportFrom(identifier? module, alias* names, int? level)
     | Global(identifier* names)
     | Nonlocal(identifier* names)
     | Expr(expr value)
     | Pass
     | Break
     | Continue
  attributes (int lineno, int col_offset, int? end_lineno, int? end_col_offset)

expr = BoolOp(boolop op, expr* values)
     | NamedExpr(expr target, expr value)
     | BinOp(expr left, operator op, expr right)
     | UnaryOp(unaryop op, expr operand)
     | Lambda(arguments args, expr body)
     | IfExp(expr test, expr body, expr orelse)
     | Dict(expr* keys, expr* values)
     | Set(expr* elts)
     | ListComp(expr elt, comprehension* generators)
     | SetComp(expr elt, comprehension* generators)
     | DictComp(expr key, expr value, comprehension* generators)
     | GeneratorExp(expr elt, comprehension* generators)
     | Await(expr value)
     | Yield(expr? value)
     | YieldFrom(expr value)
     | Compare(expr left, cmpop* ops, expr* comparators)
     | Call(expr func, expr* args, keyword* keywords)
     | FormattedValue(expr value, int conversion, expr? format_spec)
     | JoinedStr(expr* values)
     | Constant(constant value, string? kind)
     | Attribute(expr value, identifier attr, expr_context ctx)
     | Subscript(expr value, expr slice, expr_context ctx)
     | Starred(expr value, expr_context ctx)
     | Name(identifier id, expr_context ctx)
     | List(expr* elts, expr_context ctx)
     | Tuple(expr* elts, expr_context ctx)
     | Slice(expr? lower, expr? upper, expr? step)
  attributes (int lineno, int col_offset, int? end_lineno, int? end_col_offset)

expr_context = Load | Store | Del

boolop = And | Or

operator = Add | Sub | Mult | MatMult | Div | Mod | Pow | LShift | RShift | BitOr | BitXor | BitAnd | FloorDiv

unaryop = Invert | Not | UAdd | USub

cmpop = Eq | NotEq | Lt | LtE | Gt | GtE | Is | IsNot | In | NotIn

comprehension = (expr target, expr iter, expr* ifs, int is_async)

excepthandler = ExceptHandler(expr? type, identifier? name, stmt* body)
  attributes (int lineno, int col_offset, int? end_lineno, int? end_col_offset)

arguments = (arg* posonlyargs, arg* args, arg? vararg, arg* kwonlyargs, expr* kw_defaults, arg? kwarg, expr* defaults)

arg = (identifier arg, expr? annotation, string? type_comment)
  attributes (int lineno, int col_offset, int? end_lineno, int? end_col_offset)

keyword = (identifier? arg, expr value)
  attributes (int lineno, int col_offset, int? end_lineno, int? end_col_offset)

alias = (identifier name, identifier? asname)
  attributes (int lineno, int col_offset, int? end_lineno, int? end_col_offset)

withitem = (expr context_expr, expr? optional_vars)

match_case = (pattern pattern, expr? guard, stmt* body)

pattern = MatchValue(expr value)
        | MatchSingleton(constant value)
        | MatchSequence(pattern* patterns)
        | MatchMapping(expr* keys, pattern* patterns, identifier? rest)
        | MatchClass(expr cls, pattern* patterns, identifier* kwd_attrs, pattern* kwd_patterns)
        | MatchStar(identifier? name)
        | MatchAs(pattern? pattern, identifier? name)
        | MatchOr(pattern* patterns)
  attributes (int lineno, int col_offset, int end_lineno, int end_col_offset)

type_ignore = TypeIgnore(int lineno, string tag)
`;

/** A field or attribute: its name, its type's name, and `*` (list), `?` (optional) or "". */
interface Slot {
  readonly name: string;
  readonly type: string;
  readonly quant: "" | "*" | "?";
}

/** A class of the tree: a type of the grammar (abstract or product) or a constructor. */
interface NodeClass {
  readonly name: string;
  /** The abstract type a constructor belongs to; null for the types themselves. */
  readonly base: string | null;
  readonly fields: readonly Slot[];
  readonly attributes: readonly Slot[];
  readonly doc: string;
  /** A type whose constructors have no fields (operators, contexts): one instance each. */
  readonly simple: boolean;
}

function slots(text: string | undefined): Slot[] {
  if (text === undefined || text.trim() === "") return [];
  return text.split(",").map((part) => {
    const [type, name] = part.trim().split(/\s+/);
    const quant = type.endsWith("*") ? "*" : type.endsWith("?") ? "?" : "";
    return { name, type: quant === "" ? type : type.slice(0, -1), quant };
  });
}

function signature(name: string, fields: readonly Slot[]): string {
  if (fields.length === 0) return name;
  return `${name}(${fields.map((f) => `${f.type}${f.quant} ${f.name}`).join(", ")})`;
}

/** The grammar's classes in definition order (types before their constructors). */
function readGrammar(): NodeClass[] {
  const classes: NodeClass[] = [];
  for (const block of GRAMMAR.trim().split(/\n\s*\n/)) {
    const joined = block.replace(/\n\s*\|/g, " |").replace(/\n\s*attributes/, " attributes");
    const m = /^(\w+) = (.*?)(?: attributes \((.*)\))?$/s.exec(joined.trim())!;
    const [, typeName, body, attrText] = m;
    const attributes = slots(attrText);
    if (body.startsWith("(")) {
      const fields = slots(body.slice(1, -1));
      classes.push({
        name: typeName,
        base: null,
        fields,
        attributes,
        doc: signature(typeName, fields),
        simple: false,
      });
      continue;
    }
    const ctors = body.split(" | ").map((c) => {
      const cm = /^(\w+)(?:\((.*)\))?$/.exec(c.trim())!;
      return { name: cm[1], fields: slots(cm[2]) };
    });
    const pad = " ".repeat(typeName.length + 1);
    const simple = ctors.every((c) => c.fields.length === 0);
    const doc = `${typeName} = ` +
      ctors.map((c) => signature(c.name, c.fields)).join(simple ? " | " : `\n${pad}| `);
    classes.push({ name: typeName, base: null, fields: [], attributes, doc, simple });
    for (const c of ctors) {
      classes.push({
        name: c.name,
        base: typeName,
        fields: c.fields,
        attributes,
        doc: signature(c.name, c.fields),
        simple,
      });
    }
  }
  return classes;
}

/**
 * The classes read from the grammar (at the first use of the ast module, not at start), by
 * name, and the names of the abstract types (or product types) a field's type can name.
 */
interface Grammar {
  readonly classes: NodeClass[];
  readonly byName: Map<string, NodeClass>;
  readonly nodeTypes: Set<string>;
}
let grammarRead: Grammar | null = null;

function grammar(): Grammar {
  if (grammarRead === null) {
    const classes = readGrammar();
    grammarRead = {
      classes,
      byName: new Map(classes.map((c) => [c.name, c])),
      nodeTypes: new Set(classes.filter((c) => c.base === null).map((c) => c.name)),
    };
  }
  return grammarRead;
}

// ---- the Python module ---------------------------------------------------------------------

/** The `_ast` module's namespace, once it is imported (borrowed; the module keeps it). */
let astDict: PyObject | null = null;
/** The one instance of each operator and context class, as the parser hands them out. */
const singletons = new Map<string, PyObject>();
// The module state owns one reference to each (CPython's Load_singleton and the rest).
registerRoots("_ast operator and context singletons", (visit) => {
  for (const o of singletons.values()) visit(o);
});

function nodeClass(name: string): PyObject {
  const cls = dictGetStr(astDict!, _Py_ID(name));
  if (cls === null) throw PyErr_Format(PyExc_TypeError, `_ast has no class ${name}`);
  return cls;
}

/** The class table for the Python half: (name, base, fields, attributes, optional, doc). */
function grammarTable(): PyObject {
  const text = (s: string) => PyUnicode_InternFromString(s);
  const names = (xs: readonly Slot[]) => PyTuple_FromArraySteal(xs.map((x) => text(x.name)));
  return PyTuple_FromArraySteal(
    grammar().classes.map((c) => {
      const optional = [...c.fields, ...c.attributes].filter((s) => s.quant === "?");
      return PyTuple_FromArraySteal([
        text(c.name),
        c.base === null ? (Py_INCREF(Py_None), Py_None) : text(c.base),
        names(c.fields),
        names(c.attributes),
        names(optional),
        PyUnicode_FromString(c.doc),
      ]);
    }),
  );
}

// ---- ast2obj: the parser's tree as Python objects -------------------------------------------

function constantObject(v: Constant): PyObject {
  if (v === null) return (Py_INCREF(Py_None), Py_None);
  if (v === true) return (Py_INCREF(Py_True), Py_True);
  if (v === false) return (Py_INCREF(Py_False), Py_False);
  if (typeof v === "bigint") return PyLong_FromBigInt(v);
  if (typeof v === "number") return PyFloat_FromDouble(v);
  if (typeof v === "string") return PyUnicode_FromString(v);
  if (v instanceof Uint8Array) return PyBytes_FromBytes(v);
  switch (v.kind) {
    case "complex":
      return PyComplex_FromDoubles(v.real, v.imag);
    case "ellipsis":
      return (Py_INCREF(Py_Ellipsis), Py_Ellipsis);
    case "tuple":
      return PyTuple_FromArraySteal(v.items.map(constantObject));
    default:
      throw PyErr_Format(PyExc_TypeError, `a ${v.kind} constant cannot stand in a tree`);
  }
}

function valueObject(slot: Slot, v: unknown): PyObject {
  if (slot.quant === "*") {
    return PyList_FromArraySteal(
      (v as unknown[]).map((x) => valueObject({ ...slot, quant: "" }, x)),
    );
  }
  if (v === null || v === undefined) return (Py_INCREF(Py_None), Py_None);
  switch (slot.type) {
    case "identifier":
      return PyUnicode_InternFromString(v as string);
    case "string":
      return PyUnicode_FromString(v as string);
    case "int":
      return PyLong_FromNumber(v as number);
    case "constant":
      return constantObject(v as Constant);
  }
  if (typeof v === "string") return operatorObject(v);
  return nodeObject(v as { _type: string });
}

function operatorObject(name: string): PyObject {
  let o = singletons.get(name);
  if (o === undefined) {
    o = PyObject_CallNoArgs(nodeClass(name));
    singletons.set(name, o);
  }
  Py_INCREF(o);
  return o;
}

function nodeObject(node: { _type: string } & Record<string, unknown>): PyObject {
  const spec = grammar().byName.get(node._type)!;
  const obj = PyObject_CallNoArgs(nodeClass(spec.name));
  try {
    for (const s of [...spec.fields, ...spec.attributes]) {
      const v = node[s.name];
      if (v === undefined) continue;
      const value = valueObject(s, v);
      try {
        PyObject_SetAttr(obj, _Py_ID(s.name), value);
      } finally {
        Py_DECREF(value);
      }
    }
  } catch (e) {
    Py_DECREF(obj);
    throw e;
  }
  return obj;
}

/** ast2obj of a whole tree (a new reference); imports `_ast` if it is not loaded yet. */
export function treeToObject(tree: A.mod): PyObject {
  loadAst();
  return nodeObject(tree as unknown as { _type: string } & Record<string, unknown>);
}

function loadAst(): void {
  if (astDict === null) Py_DECREF(importModule(_Py_ID("_ast")));
}

// ---- obj2ast: Python objects back to a tree --------------------------------------------------

/** The grammar class an object is an instance of (its own class or a subclass's base). */
function classOf(o: PyObject): NodeClass | null {
  const mro = o.ob_type.tp_mro === null ? [o.ob_type] : tupleItems(o.ob_type.tp_mro);
  for (const t of mro) {
    const name = (t as { tp_name?: string }).tp_name;
    if (name === undefined) continue;
    const spec = grammar().byName.get(name.slice(name.lastIndexOf(".") + 1));
    if (spec !== undefined && dictGetStr(astDict!, _Py_ID(spec.name)) === t) return spec;
  }
  return null;
}

/** Whether o is an instance of a class of `_ast` (the test compile() makes). */
export function isAstObject(o: PyObject): boolean {
  loadAst();
  return classOf(o) !== null;
}

function expected(type: string, o: PyObject): never {
  throw PyErr_Format(
    PyExc_TypeError,
    `expected some sort of ${type}, but got ${str(PyObject_Repr(o))}`,
  );
}

function constantValue(o: PyObject): Constant {
  if (o === Py_None) return null;
  if (o === Py_Ellipsis) return { kind: "ellipsis" };
  if (PyBool_Check(o)) return o === Py_True;
  if (PyLong_Check(o)) return BigInt(longValue(o));
  if (PyFloat_Check(o)) return PyFloat_AS_DOUBLE(o);
  if (PyComplex_Check(o)) {
    const c = o as unknown as { ob_val: number; ob_size: number };
    return { kind: "complex", real: c.ob_val, imag: c.ob_size };
  }
  if (PyUnicode_Check(o)) return str(o);
  if (PyBytes_Check(o)) return bytesLike(o)!;
  if (PyTuple_Check(o)) return { kind: "tuple", items: tupleItems(o).map(constantValue) };
  if (PyFrozenSet_Check(o)) return { kind: "frozenset", items: setItems(o).map(constantValue) };
  throw PyErr_Format(PyExc_TypeError, `got an invalid type in Constant: ${o.ob_type.tp_name}`);
}

function slotValue(owner: string, slot: Slot, o: PyObject): unknown {
  if (slot.quant === "*") {
    if (!PyList_Check(o)) {
      throw PyErr_Format(
        PyExc_TypeError,
        `${owner} field "${slot.name}" must be a list, not a ${o.ob_type.tp_name}`,
      );
    }
    const item: Slot = { ...slot, quant: "" };
    // None among nodes passes here; the validator refuses it where it matters
    return listItems(o).slice().map((x) =>
      x === Py_None && grammar().nodeTypes.has(slot.type) ? null : slotValue(owner, item, x)
    );
  }
  if (o === Py_None && slot.quant === "?") return null;
  switch (slot.type) {
    case "identifier":
    case "string":
      if (!PyUnicode_Check(o)) {
        throw PyErr_Format(PyExc_TypeError, `AST ${slot.type} must be of type str`);
      }
      return str(o);
    case "int":
      if (!PyLong_Check(o)) {
        throw PyErr_Format(PyExc_ValueError, `invalid integer value: ${str(PyObject_Repr(o))}`);
      }
      return Number(longValue(o));
    case "constant":
      return constantValue(o);
  }
  const spec = classOf(o);
  if (spec === null || (spec.name !== slot.type && spec.base !== slot.type)) {
    expected(slot.type, o);
  }
  if (spec.simple) return spec.name;
  return nodeTree(spec, o);
}

function nodeTree(spec: NodeClass, o: PyObject): Record<string, unknown> {
  const node: Record<string, unknown> = { _type: spec.name };
  const owner = spec.name;
  // positions first, then fields, as obj2ast reads them
  for (const s of spec.attributes) node[s.name] = readSlot(spec.base ?? spec.name, s, o);
  for (const s of spec.fields) node[s.name] = readSlot(owner, s, o);
  // a missing end position is the start's, as CPython's obj2ast makes it
  if (spec.attributes.length > 0) {
    if (node.end_lineno === null) node.end_lineno = node.lineno;
    if (node.end_col_offset === null) node.end_col_offset = node.col_offset;
  }
  return node;
}

function readSlot(owner: string, s: Slot, o: PyObject): unknown {
  const v = _PyObject_LookupAttr(o, _Py_ID(s.name));
  if (v === null || (v === Py_None && s.quant !== "?" && s.type !== "constant")) {
    if (v !== null) Py_DECREF(v);
    if (s.quant === "?") return null;
    if (s.quant === "*" && v === null) return [];
    throw PyErr_Format(PyExc_TypeError, `required field "${s.name}" missing from ${owner}`);
  }
  try {
    return slotValue(owner, s, v);
  } finally {
    Py_DECREF(v);
  }
}

/** obj2ast of a mod node: the tree compile() takes from a Python AST object. */
export function objectToTree(o: PyObject, mode: string): A.mod {
  loadAst();
  const want = mode === "exec"
    ? "Module"
    : mode === "eval"
    ? "Expression"
    : mode === "single"
    ? "Interactive"
    : "FunctionType";
  const spec = classOf(o);
  if (spec === null || spec.name !== want) {
    throw PyErr_Format(
      PyExc_TypeError,
      `expected ${want} node, got ${spec?.name ?? o.ob_type.tp_name}`,
    );
  }
  return nodeTree(spec, o) as unknown as A.mod;
}

// ---- the module ------------------------------------------------------------------------------

registerFrozenModule(
  "_ast",
  String.raw`
def _make_classes(table):
    made = {}
    for name, base, fields, attributes, optional, doc in table:
        namespace = {"__module__": "ast", "__doc__": doc, "_fields": fields,
                     "__match_args__": fields}
        if base is None:
            namespace["_attributes"] = attributes
        for slot in optional:
            if base is None or slot not in attributes:
                namespace[slot] = None
        made[name] = type(name, (made[base] if base else AST,), namespace)
    return made


class AST:
    """The base of every node of the tree."""
    __module__ = "ast"
    _fields = ()
    __match_args__ = ()
    _attributes = ()

    def __init__(self, *args, **kwargs):
        fields = type(self)._fields
        if len(args) > len(fields):
            n = len(fields)
            raise TypeError(f"{type(self).__name__} constructor takes at most "
                            f"{n} positional argument{'' if n == 1 else 's'}")
        for name, value in zip(fields, args):
            setattr(self, name, value)
        for name, value in kwargs.items():
            if name in fields[:len(args)]:
                raise TypeError(f"{type(self).__name__} got multiple values for argument "
                                f"{name!r}")
            setattr(self, name, value)

    def __reduce__(self):
        return type(self), (), self.__dict__


globals().update(_make_classes(_grammar))
del _make_classes, _grammar

PyCF_ONLY_AST = 0x400
PyCF_TYPE_COMMENTS = 0x1000
PyCF_ALLOW_TOP_LEVEL_AWAIT = 0x2000
`,
  (d) => {
    astDict = d;
    const table = grammarTable();
    PyDict_SetItemString(d, "_grammar", table);
    Py_DECREF(table);
  },
);

// ---- compile()'s two AST paths ---------------------------------------------------------------

/** Runs f, turning the compiler's errors into Python SyntaxErrors. */
export function compileErrors<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof CompileError) throw syntaxErrorFrom(e);
    throw e;
  }
}

/**
 * compile(source, filename, mode, PyCF_ONLY_AST): the parser's tree as node objects. Mode
 * "func_type" reads a signature comment's `(ARGTYPES) -> RETURNS`.
 */
export function parseToObject(
  text: string,
  filename: string,
  mode: string,
  byteOffsets = false,
): PyObject {
  const tree = compileErrors(() =>
    mode === "func_type" ? parseFuncType(text, filename) : parse(text, {
      filename,
      mode: mode as "exec" | "eval" | "single",
      byteOffsets,
      warn: warnThroughModule(filename),
    })
  );
  return treeToObject(tree);
}

/**
 * The func_type start rule, through the expression parser: the part before the `->` that
 * closes the parenthesised argument types, then the return type, each parsed in eval
 * mode with everything else blanked out so that positions stay those of the source.
 */
function parseFuncType(text: string, filename: string): A.FunctionType {
  const arrow = topLevelArrow(text);
  const blank = (s: string) => s.replace(/[^\n]/g, " ");
  if (arrow < 0 || !text.trimStart().startsWith("(")) {
    // let the expression parser report the error where the source stops making sense
    parse(text, { filename, mode: "eval" });
    throw new CompileError("SyntaxError", "invalid syntax", filename, 1, 1, null);
  }
  const args = parse(text.slice(0, arrow), { filename, mode: "eval" });
  // the return type inside parentheses that stand where the argument types' opening one did
  const open = text.indexOf("(");
  const returns = parse(
    text.slice(0, open) + "(" + blank(text.slice(open + 1, arrow + 2)) + text.slice(arrow + 2) +
      "\n)",
    { filename, mode: "eval" },
  );
  const body = (args as A.Expression).body;
  const listed = body._type === "Tuple" && text.slice(0, body.col_offset + 1).trim() === "("
    ? body.elts
    : [body];
  // `*T` among the argument types stands for T
  const argtypes = listed.map((e) => e._type === "Starred" ? e.value : e);
  return { _type: "FunctionType", argtypes, returns: (returns as A.Expression).body };
}

/** The index of the first `->` outside brackets and strings, or -1. */
function topLevelArrow(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'" || c === '"') {
      const close = text.indexOf(c, i + 1);
      if (close < 0) return -1;
      i = close;
    } else if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") depth--;
    else if (c === "-" && text[i + 1] === ">" && depth === 0) return i;
  }
  return -1;
}

/** compile(tree, filename, mode): the code object of a tree of node objects. */
export function compileTree(
  obj: PyObject,
  filename: string,
  mode: string,
  flags: number,
  optimize: number,
): PyObject {
  const tree = objectToTree(obj, mode);
  validateMod(tree);
  if (tree._type === "FunctionType") {
    throw PyErr_Format(PyExc_TypeError, "compile() mode 'func_type' requires flag PyCF_ONLY_AST");
  }
  const unit = compileErrors(() =>
    compileAst(tree, {
      filename,
      flags,
      optimize,
      warn: warnThroughModule(filename),
      programText: fileLine,
    })
  );
  const pool = new ConstantPool(false);
  const code = PyCode_FromUnit(unit, pool);
  pool.clear();
  return code;
}
