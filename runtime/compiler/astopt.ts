// The AST optimizer, as Python/ast_opt.c runs it before the symbol table: constant
// folding of unary and binary operations, subscripts and tuples of constants (with its
// size limits), `not` folded into comparisons, lists and sets of constants turned into
// tuples and frozensets where only iteration matters, `'%s' % (x,)` turned into an
// f-string, and `__debug__` replaced by its value. The arithmetic is Python's: ints are
// unbounded, bool is an int, floats and complex numbers follow CPython's rules.

import { floatDivMod, floatRemainder } from "../objects/floatmath.ts";
import * as A from "./ast.ts";
import type { ConstantValue } from "./ast.ts";
import type { ComplexConstant } from "./code.ts";

const MAX_INT_SIZE = 128; // bits
const MAX_COLLECTION_SIZE = 256;
const MAX_STR_SIZE = 4096;
const MAX_TOTAL_ITEMS = 1024;

/** A folded value, or NO when the operation raises (the node is then left alone). */
const NO = Symbol("no fold");
type Folded = ConstantValue | typeof NO;

// ------------------------------------------------------------------ value kinds

function isInt(v: ConstantValue): v is bigint | boolean {
  return typeof v === "bigint" || typeof v === "boolean";
}

function big(v: bigint | boolean): bigint {
  return typeof v === "boolean" ? (v ? 1n : 0n) : v;
}

function isComplex(v: ConstantValue): v is ComplexConstant {
  return typeof v === "object" && v !== null && !(v instanceof Uint8Array) && v.kind === "complex";
}

function isTuple(v: ConstantValue): v is { kind: "tuple"; items: ConstantValue[] } {
  return typeof v === "object" && v !== null && !(v instanceof Uint8Array) && v.kind === "tuple";
}

function isFrozenset(v: ConstantValue): v is { kind: "frozenset"; items: ConstantValue[] } {
  return typeof v === "object" && v !== null && !(v instanceof Uint8Array) &&
    v.kind === "frozenset";
}

function isNumber(v: ConstantValue): boolean {
  return isInt(v) || typeof v === "number" || isComplex(v);
}

function bitLength(v: bigint): number {
  const a = v < 0n ? -v : v;
  return a === 0n ? 0 : a.toString(2).length;
}

/** int -> float, or NO when it does not fit (OverflowError). */
function intToFloat(v: bigint | boolean): number | typeof NO {
  const x = Number(big(v));
  return Number.isFinite(x) ? x : NO;
}

function toFloat(v: ConstantValue): number | typeof NO {
  if (typeof v === "number") return v;
  if (isInt(v)) return intToFloat(v);
  return NO;
}

function toComplex(v: ConstantValue): ComplexConstant | typeof NO {
  if (isComplex(v)) return v;
  const x = toFloat(v);
  return x === NO ? NO : { kind: "complex", real: x, imag: 0 };
}

function complex(real: number, imag: number): ComplexConstant {
  return { kind: "complex", real, imag };
}

/** Python's truth value of a constant. */
export function constTruth(v: ConstantValue): boolean {
  if (v === null) return false;
  if (typeof v === "boolean") return v;
  if (typeof v === "bigint") return v !== 0n;
  if (typeof v === "number") return v !== 0;
  if (typeof v === "string") return v.length > 0;
  if (v instanceof Uint8Array) return v.length > 0;
  switch (v.kind) {
    case "complex":
      return v.real !== 0 || v.imag !== 0;
    case "tuple":
    case "frozenset":
      return v.items.length > 0;
    default:
      return true;
  }
}

function codePoints(s: string): string[] {
  return Array.from(s);
}

function strLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) i++;
    }
    n++;
  }
  return n;
}

// ------------------------------------------------------------------ int arithmetic

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

function floorMod(a: bigint, b: bigint): bigint {
  const r = a % b;
  return (r !== 0n && (r < 0n) !== (b < 0n)) ? r + b : r;
}

/** a / b for ints, correctly rounded as long_true_divide does it. */
function intTrueDivide(a: bigint, b: bigint): number | typeof NO {
  if (b === 0n) return NO;
  const neg = (a < 0n) !== (b < 0n);
  const x = a < 0n ? -a : a;
  const y = b < 0n ? -b : b;
  const limit = 1n << 53n;
  let r: number;
  if (x < limit && y < limit) {
    r = Number(x) / Number(y);
  } else {
    // scale so the quotient carries at least 55 bits, fold the remainder into a sticky bit
    const shift = Math.max(0, 55 - (bitLength(x) - bitLength(y)));
    let q = (x << BigInt(shift)) / y;
    if ((x << BigInt(shift)) % y !== 0n) q |= 1n;
    r = Number(q) * Math.pow(2, -shift);
    if (!Number.isFinite(r)) return NO;
  }
  return neg ? -r : r;
}

// ------------------------------------------------------------------ float arithmetic

function floatDivmod(vx: number, wx: number): [number, number] | typeof NO {
  return wx === 0 ? NO : floatDivMod(vx, wx);
}

function floatRem(vx: number, wx: number): number | typeof NO {
  return wx === 0 ? NO : floatRemainder(vx, wx);
}

function isOddInteger(x: number): boolean {
  return Math.abs(x % 2.0) === 1.0;
}

/** float_pow */
function floatPow(iv: number, iw: number): ConstantValue | typeof NO {
  if (iw === 0) return 1.0;
  if (Number.isNaN(iv)) return iw === 0 ? 1.0 : iv;
  if (Number.isNaN(iw)) return iv === 1.0 ? 1.0 : iw;
  if (!Number.isFinite(iw)) {
    const av = Math.abs(iv);
    if (av === 1.0) return 1.0;
    if ((iw > 0.0) === (av > 1.0)) return Math.abs(iw);
    return 0.0;
  }
  if (!Number.isFinite(iv)) {
    const odd = isOddInteger(iw);
    if (iw > 0) return odd ? iv : Math.abs(iv);
    return odd ? (iv < 0 ? -0 : 0) : 0.0;
  }
  if (iv === 0.0) {
    const odd = isOddInteger(iw);
    if (iw < 0.0) return NO;
    return odd ? iv : 0.0;
  }
  let negate = false;
  let v = iv;
  if (v < 0.0) {
    if (iw !== Math.floor(iw)) return complexPow(complex(iv, 0), complex(iw, 0));
    v = -v;
    negate = isOddInteger(iw);
  }
  if (v === 1.0) return negate ? -1.0 : 1.0;
  const ix = Math.pow(v, iw);
  if (!Number.isFinite(ix)) return NO;
  return negate ? -ix : ix;
}

// ------------------------------------------------------------------ complex arithmetic

function cProd(a: ComplexConstant, b: ComplexConstant): ComplexConstant {
  return complex(a.real * b.real - a.imag * b.imag, a.real * b.imag + a.imag * b.real);
}

/** _Py_c_quot; NO for division by zero */
function cQuot(a: ComplexConstant, b: ComplexConstant): ComplexConstant | typeof NO {
  const absBreal = b.real < 0 ? -b.real : b.real;
  const absBimag = b.imag < 0 ? -b.imag : b.imag;
  if (absBreal >= absBimag) {
    if (absBreal === 0.0) return NO;
    const ratio = b.imag / b.real;
    const denom = b.real + b.imag * ratio;
    return complex((a.real + a.imag * ratio) / denom, (a.imag - a.real * ratio) / denom);
  }
  if (absBimag >= absBreal) {
    const ratio = b.real / b.imag;
    const denom = b.real * ratio + b.imag;
    return complex((a.real * ratio + a.imag) / denom, (a.imag * ratio - a.real) / denom);
  }
  return complex(NaN, NaN);
}

function cPowu(x: ComplexConstant, n: number): ComplexConstant {
  let r = complex(1, 0);
  let p = x;
  let mask = 1;
  while (mask > 0 && n >= mask) {
    if (n & mask) r = cProd(r, p);
    mask <<= 1;
    p = cProd(p, p);
  }
  return r;
}

function cPow(a: ComplexConstant, b: ComplexConstant): ComplexConstant | typeof NO {
  if (b.real === 0 && b.imag === 0) return complex(1, 0);
  if (a.real === 0 && a.imag === 0) {
    if (b.imag !== 0 || b.real < 0) return NO;
    return complex(0, 0);
  }
  const vabs = Math.hypot(a.real, a.imag);
  let len = Math.pow(vabs, b.real);
  const at = Math.atan2(a.imag, a.real);
  let phase = at * b.real;
  if (b.imag !== 0.0) {
    len /= Math.exp(at * b.imag);
    phase += b.imag * Math.log(vabs);
  }
  return complex(len * Math.cos(phase), len * Math.sin(phase));
}

/** complex_pow */
function complexPow(a: ComplexConstant, e: ComplexConstant): ComplexConstant | typeof NO {
  let p: ComplexConstant | typeof NO;
  if (e.imag === 0 && e.real === Math.floor(e.real) && Math.abs(e.real) <= 100.0) {
    const n = e.real;
    if (n > 0) p = cPowu(a, n);
    else {
      const d = cPowu(a, -n);
      p = cQuot(complex(1, 0), d);
    }
  } else {
    p = cPow(a, e);
  }
  if (p === NO) return NO;
  if (!Number.isFinite(p.real) || !Number.isFinite(p.imag)) return NO;
  return p;
}

// ------------------------------------------------------------------ operators

type NumOp = "Add" | "Sub" | "Mult" | "Div" | "FloorDiv" | "Mod" | "Pow";

/** An arithmetic operator on two numbers, with int -> float -> complex promotion. */
function numeric(op: NumOp, a: ConstantValue, b: ConstantValue): Folded {
  if (isInt(a) && isInt(b)) {
    const x = big(a);
    const y = big(b);
    switch (op) {
      case "Add":
        return x + y;
      case "Sub":
        return x - y;
      case "Mult":
        return x * y;
      case "Div":
        return intTrueDivide(x, y);
      case "FloorDiv":
        return y === 0n ? NO : floorDiv(x, y);
      case "Mod":
        return y === 0n ? NO : floorMod(x, y);
      case "Pow":
        if (y < 0n) {
          const fx = intToFloat(x);
          const fy = intToFloat(y);
          if (fx === NO || fy === NO) return NO;
          return floatPow(fx, fy);
        }
        return x ** y;
    }
  }
  if (isComplex(a) || isComplex(b)) {
    const x = toComplex(a);
    const y = toComplex(b);
    if (x === NO || y === NO) return NO;
    switch (op) {
      case "Add":
        return complex(x.real + y.real, x.imag + y.imag);
      case "Sub":
        return complex(x.real - y.real, x.imag - y.imag);
      case "Mult":
        return cProd(x, y);
      case "Div":
        return cQuot(x, y);
      case "Pow":
        return complexPow(x, y);
      default:
        return NO;
    }
  }
  const x = toFloat(a);
  const y = toFloat(b);
  if (x === NO || y === NO) return NO;
  switch (op) {
    case "Add":
      return x + y;
    case "Sub":
      return x - y;
    case "Mult":
      return x * y;
    case "Div":
      return y === 0 ? NO : x / y;
    case "FloorDiv": {
      const r = floatDivmod(x, y);
      return r === NO ? NO : r[0];
    }
    case "Mod":
      return floatRem(x, y);
    case "Pow":
      return floatPow(x, y);
  }
}

function checkComplexity(obj: ConstantValue, limitIn: number): number {
  let limit = limitIn;
  if (isTuple(obj) || isFrozenset(obj)) {
    limit -= obj.items.length;
    for (let i = 0; limit >= 0 && i < obj.items.length; i++) {
      limit = checkComplexity(obj.items[i], limit);
    }
  }
  return limit;
}

function repeat(seq: ConstantValue, n: bigint): Folded {
  const count = n < 0n ? 0 : Number(n);
  if (typeof seq === "string") return seq.repeat(count);
  if (seq instanceof Uint8Array) {
    const out = new Uint8Array(seq.length * count);
    for (let i = 0; i < count; i++) out.set(seq, i * seq.length);
    return out;
  }
  if (isTuple(seq)) {
    const items: ConstantValue[] = [];
    for (let i = 0; i < count; i++) items.push(...seq.items);
    return { kind: "tuple", items };
  }
  return NO;
}

/** safe_multiply */
function safeMultiply(v: ConstantValue, w: ConstantValue): Folded {
  if (isInt(v) && isInt(w) && big(v) !== 0n && big(w) !== 0n) {
    if (bitLength(big(v)) + bitLength(big(w)) > MAX_INT_SIZE) return NO;
  } else if (isInt(v) && (isTuple(w) || isFrozenset(w))) {
    const size = w.items.length;
    if (size) {
      const n = big(v);
      if (n < 0n || n > BigInt(Math.floor(MAX_COLLECTION_SIZE / size))) return NO;
      if (n && checkComplexity(w, Math.floor(MAX_TOTAL_ITEMS / Number(n))) < 0) return NO;
    }
  } else if (isInt(v) && (typeof w === "string" || w instanceof Uint8Array)) {
    const size = typeof w === "string" ? strLength(w) : w.length;
    if (size) {
      const n = big(v);
      if (n < 0n || n > BigInt(Math.floor(MAX_STR_SIZE / size))) return NO;
    }
  } else if (
    isInt(w) &&
    (isTuple(v) || isFrozenset(v) || typeof v === "string" || v instanceof Uint8Array)
  ) {
    return safeMultiply(w, v);
  }
  // PyNumber_Multiply
  if (isNumber(v) && isNumber(w)) return numeric("Mult", v, w);
  if (isInt(v)) return repeat(w, big(v));
  return NO;
}

/** safe_power */
function safePower(v: ConstantValue, w: ConstantValue): Folded {
  if (isInt(v) && isInt(w) && big(v) !== 0n && big(w) > 0n) {
    const vbits = bitLength(big(v));
    const wbits = big(w);
    if (BigInt(vbits) > BigInt(MAX_INT_SIZE) / wbits) return NO;
  }
  if (!isNumber(v) || !isNumber(w)) return NO;
  return numeric("Pow", v, w);
}

/** safe_lshift */
function safeLshift(v: ConstantValue, w: ConstantValue): Folded {
  if (!isInt(v) || !isInt(w)) return NO;
  const x = big(v);
  const y = big(w);
  if (y < 0n) return NO;
  if (x !== 0n && y !== 0n) {
    if (y > BigInt(MAX_INT_SIZE) || BigInt(bitLength(x)) > BigInt(MAX_INT_SIZE) - y) return NO;
  }
  return x << y;
}

function concat(lv: ConstantValue, rv: ConstantValue): Folded {
  if (typeof lv === "string" && typeof rv === "string") return lv + rv;
  if (lv instanceof Uint8Array && rv instanceof Uint8Array) {
    const out = new Uint8Array(lv.length + rv.length);
    out.set(lv, 0);
    out.set(rv, lv.length);
    return out;
  }
  if (isTuple(lv) && isTuple(rv)) return { kind: "tuple", items: [...lv.items, ...rv.items] };
  return NO;
}

function bitwise(op: "BitOr" | "BitXor" | "BitAnd", lv: ConstantValue, rv: ConstantValue): Folded {
  if (typeof lv === "boolean" && typeof rv === "boolean") {
    return op === "BitOr" ? lv || rv : op === "BitXor" ? lv !== rv : lv && rv;
  }
  if (!isInt(lv) || !isInt(rv)) return NO;
  const x = big(lv);
  const y = big(rv);
  return op === "BitOr" ? x | y : op === "BitXor" ? x ^ y : x & y;
}

function binop(op: A.operator, lv: ConstantValue, rv: ConstantValue): Folded {
  switch (op) {
    case "Add":
      if (isNumber(lv) && isNumber(rv)) return numeric("Add", lv, rv);
      return concat(lv, rv);
    case "Sub":
    case "Div":
    case "FloorDiv":
      if (isNumber(lv) && isNumber(rv)) return numeric(op, lv, rv);
      return NO;
    case "Mult":
      return safeMultiply(lv, rv);
    case "Mod":
      // safe_mod: no folding of str or bytes formatting
      if (typeof lv === "string" || lv instanceof Uint8Array) return NO;
      if (isNumber(lv) && isNumber(rv)) return numeric("Mod", lv, rv);
      return NO;
    case "Pow":
      return safePower(lv, rv);
    case "LShift":
      return safeLshift(lv, rv);
    case "RShift":
      if (!isInt(lv) || !isInt(rv) || big(rv) < 0n) return NO;
      return big(lv) >> big(rv);
    case "BitOr":
    case "BitXor":
    case "BitAnd":
      return bitwise(op, lv, rv);
    case "MatMult":
      return NO;
  }
}

function unaryop(op: A.unaryop, v: ConstantValue): Folded {
  switch (op) {
    case "Not":
      return !constTruth(v);
    case "Invert":
      return isInt(v) ? ~big(v) : NO;
    case "UAdd":
      if (isInt(v)) return big(v);
      if (typeof v === "number" || isComplex(v)) return v;
      return NO;
    case "USub":
      if (isInt(v)) return -big(v);
      if (typeof v === "number") return -v;
      if (isComplex(v)) return complex(-v.real, -v.imag);
      return NO;
  }
}

function subscript(v: ConstantValue, idx: ConstantValue): Folded {
  if (!isInt(idx)) return NO;
  let i = big(idx);
  if (typeof v === "string") {
    const cps = codePoints(v);
    if (i < 0n) i += BigInt(cps.length);
    if (i < 0n || i >= BigInt(cps.length)) return NO;
    return cps[Number(i)];
  }
  if (v instanceof Uint8Array) {
    if (i < 0n) i += BigInt(v.length);
    if (i < 0n || i >= BigInt(v.length)) return NO;
    return BigInt(v[Number(i)]);
  }
  if (isTuple(v)) {
    if (i < 0n) i += BigInt(v.items.length);
    if (i < 0n || i >= BigInt(v.items.length)) return NO;
    return v.items[Number(i)];
  }
  return NO;
}

// ------------------------------------------------------------------ the tree walk

export interface OptimizeOptions {
  optimize: number;
  futureAnnotations: boolean;
}

function makeConst(node: A.expr, v: Folded): A.expr {
  if (v === NO) return node;
  return A.Constant(v, null, node.lineno, node.col_offset, node.end_lineno, node.end_col_offset);
}

function hasStarred(elts: A.expr[]): boolean {
  return elts.some((e) => e._type === "Starred");
}

function constTuple(elts: A.expr[]): ConstantValue | null {
  const items: ConstantValue[] = [];
  for (const e of elts) {
    if (e._type !== "Constant") return null;
    items.push(e.value);
  }
  return { kind: "tuple", items };
}

/** Python equality of two constants, for the items of a frozenset. */
export function constEquals(a: ConstantValue, b: ConstantValue): boolean {
  if (isNumber(a) && isNumber(b)) {
    if (isInt(a) && isInt(b)) return big(a) === big(b);
    const x = toComplex(a);
    const y = toComplex(b);
    if (x === NO || y === NO) {
      // a huge int against a float: compare exactly
      const f = typeof a === "number" ? a : typeof b === "number" ? b : NaN;
      const n = isInt(a) ? big(a) : isInt(b) ? big(b as bigint) : 0n;
      return Number.isInteger(f) && BigInt(f) === n;
    }
    return x.real === y.real && x.imag === y.imag;
  }
  if (typeof a === "string" && typeof b === "string") return a === b;
  if (a instanceof Uint8Array && b instanceof Uint8Array) {
    return a.length === b.length && a.every((x, i) => x === b[i]);
  }
  if (isTuple(a) && isTuple(b)) {
    return a.items.length === b.items.length && a.items.every((x, i) => constEquals(x, b.items[i]));
  }
  if (isFrozenset(a) && isFrozenset(b)) {
    return a.items.length === b.items.length &&
      a.items.every((x) => b.items.some((y) => constEquals(x, y)));
  }
  if (a === null || b === null) return a === b;
  if (typeof a === "object" && typeof b === "object" && !(a instanceof Uint8Array)) {
    return !(b instanceof Uint8Array) && a.kind === "ellipsis" && b.kind === "ellipsis";
  }
  return false;
}

/** frozenset(items): equal items collapse to the first. */
export function makeFrozenset(items: readonly ConstantValue[]): ConstantValue {
  const out: ConstantValue[] = [];
  for (const x of items) if (!out.some((y) => constEquals(x, y))) out.push(x);
  return { kind: "frozenset", items: out };
}

function getDocString(body: A.stmt[]): string | null {
  if (!body.length) return null;
  const st = body[0];
  if (st._type !== "Expr") return null;
  const e = st.value;
  if (e._type === "Constant" && typeof e.value === "string") return e.value;
  return null;
}

export { getDocString };

/** _PyAST_Optimize: folds the tree in place (statement lists and fields are rewritten). */
export function optimizeAst(mod: A.mod, options: OptimizeOptions): void {
  new AstOptimizer(options).mod(mod);
}

class AstOptimizer {
  constructor(private readonly o: OptimizeOptions) {}

  mod(node: A.mod): void {
    switch (node._type) {
      case "Module":
        this.body(node.body);
        break;
      case "Interactive":
        this.stmts(node.body);
        break;
      case "Expression":
        node.body = this.expr(node.body);
        break;
    }
  }

  private body(stmts: A.stmt[]): void {
    const docstring = getDocString(stmts) !== null;
    this.stmts(stmts);
    if (!docstring && getDocString(stmts) !== null) {
      const st = stmts[0] as A.Expr;
      st.value = A.JoinedStr(
        [st.value],
        st.lineno,
        st.col_offset,
        st.end_lineno,
        st.end_col_offset,
      );
    }
  }

  private stmts(stmts: A.stmt[]): void {
    for (const s of stmts) this.stmt(s);
  }

  private exprs(list: A.expr[]): void {
    for (let i = 0; i < list.length; i++) list[i] = this.expr(list[i]);
  }

  private optExprs(list: (A.expr | null)[]): void {
    for (let i = 0; i < list.length; i++) {
      const e = list[i];
      if (e) list[i] = this.expr(e);
    }
  }

  private expr(node: A.expr): A.expr {
    switch (node._type) {
      case "BoolOp":
        this.exprs(node.values);
        return node;
      case "BinOp":
        node.left = this.expr(node.left);
        node.right = this.expr(node.right);
        return this.foldBinop(node);
      case "UnaryOp":
        node.operand = this.expr(node.operand);
        return this.foldUnaryop(node);
      case "Lambda":
        this.arguments(node.args);
        node.body = this.expr(node.body);
        return node;
      case "IfExp":
        node.test = this.expr(node.test);
        node.body = this.expr(node.body);
        node.orelse = this.expr(node.orelse);
        return node;
      case "Dict":
        this.optExprs(node.keys);
        this.exprs(node.values);
        return node;
      case "Set":
        this.exprs(node.elts);
        return node;
      case "ListComp":
      case "SetComp":
      case "GeneratorExp":
        node.elt = this.expr(node.elt);
        for (const g of node.generators) this.comprehension(g);
        return node;
      case "DictComp":
        node.key = this.expr(node.key);
        node.value = this.expr(node.value);
        for (const g of node.generators) this.comprehension(g);
        return node;
      case "Await":
      case "YieldFrom":
        node.value = this.expr(node.value);
        return node;
      case "Yield":
        if (node.value) node.value = this.expr(node.value);
        return node;
      case "Compare":
        node.left = this.expr(node.left);
        this.exprs(node.comparators);
        {
          const i = node.ops.length - 1;
          const op = node.ops[i];
          if (op === "In" || op === "NotIn") {
            node.comparators[i] = this.foldIter(node.comparators[i]);
          }
        }
        return node;
      case "Call":
        node.func = this.expr(node.func);
        this.exprs(node.args);
        for (const k of node.keywords) k.value = this.expr(k.value);
        return node;
      case "FormattedValue":
        node.value = this.expr(node.value);
        if (node.format_spec) node.format_spec = this.expr(node.format_spec);
        return node;
      case "JoinedStr":
        this.exprs(node.values);
        return node;
      case "Attribute":
        node.value = this.expr(node.value);
        return node;
      case "Subscript": {
        node.value = this.expr(node.value);
        node.slice = this.expr(node.slice);
        const arg = node.value;
        const idx = node.slice;
        if (node.ctx !== "Load" || arg._type !== "Constant" || idx._type !== "Constant") {
          return node;
        }
        return makeConst(node, subscript(arg.value, idx.value));
      }
      case "Starred":
        node.value = this.expr(node.value);
        return node;
      case "Slice":
        if (node.lower) node.lower = this.expr(node.lower);
        if (node.upper) node.upper = this.expr(node.upper);
        if (node.step) node.step = this.expr(node.step);
        return node;
      case "List":
        this.exprs(node.elts);
        return node;
      case "Tuple": {
        this.exprs(node.elts);
        if (node.ctx !== "Load") return node;
        const t = constTuple(node.elts);
        return t === null ? node : makeConst(node, t);
      }
      case "Name":
        if (node.ctx === "Load" && node.id === "__debug__") {
          return makeConst(node, !this.o.optimize);
        }
        return node;
      case "NamedExpr":
        node.value = this.expr(node.value);
        return node;
      case "Constant":
        return node;
    }
  }

  private foldUnaryop(node: A.UnaryOp): A.expr {
    const arg = node.operand;
    if (arg._type !== "Constant") {
      // not (a is b) -> a is not b, and so on, for one comparison
      if (node.op === "Not" && arg._type === "Compare" && arg.ops.length === 1) {
        const inverse: Partial<Record<A.cmpop, A.cmpop>> = {
          Is: "IsNot",
          IsNot: "Is",
          In: "NotIn",
          NotIn: "In",
        };
        const op = inverse[arg.ops[0]];
        if (op) {
          arg.ops[0] = op;
          return arg;
        }
      }
      return node;
    }
    return makeConst(node, unaryop(node.op, arg.value));
  }

  private foldBinop(node: A.BinOp): A.expr {
    const lhs = node.left;
    const rhs = node.right;
    if (lhs._type !== "Constant") return node;
    const lv = lhs.value;
    if (
      node.op === "Mod" && rhs._type === "Tuple" && typeof lv === "string" &&
      !hasStarred(rhs.elts)
    ) {
      return optimizeFormat(node, lv, rhs.elts);
    }
    if (rhs._type !== "Constant") return node;
    return makeConst(node, binop(node.op, lv, rhs.value));
  }

  /** fold_iter: a list to a tuple, and constant ones (or sets) to constants. */
  private foldIter(arg: A.expr): A.expr {
    if (arg._type === "List") {
      if (hasStarred(arg.elts)) return arg;
      const tuple = A.Tuple(
        arg.elts,
        arg.ctx,
        arg.lineno,
        arg.col_offset,
        arg.end_lineno,
        arg.end_col_offset,
      );
      const t = constTuple(arg.elts);
      return t === null ? tuple : makeConst(tuple, t);
    }
    if (arg._type === "Set") {
      const t = constTuple(arg.elts) as { kind: "tuple"; items: ConstantValue[] } | null;
      if (t === null) return arg;
      return makeConst(arg, makeFrozenset(t.items));
    }
    return arg;
  }

  private comprehension(g: A.comprehension): void {
    g.target = this.expr(g.target);
    g.iter = this.expr(g.iter);
    this.exprs(g.ifs);
    g.iter = this.foldIter(g.iter);
  }

  private arguments(a: A.arguments): void {
    for (const x of a.posonlyargs) this.arg(x);
    for (const x of a.args) this.arg(x);
    if (a.vararg) this.arg(a.vararg);
    for (const x of a.kwonlyargs) this.arg(x);
    this.optExprs(a.kw_defaults);
    if (a.kwarg) this.arg(a.kwarg);
    this.exprs(a.defaults);
  }

  private arg(a: A.arg): void {
    if (!this.o.futureAnnotations && a.annotation) a.annotation = this.expr(a.annotation);
  }

  private stmt(node: A.stmt): void {
    switch (node._type) {
      case "FunctionDef":
      case "AsyncFunctionDef":
        this.arguments(node.args);
        this.body(node.body);
        this.exprs(node.decorator_list);
        if (!this.o.futureAnnotations && node.returns) node.returns = this.expr(node.returns);
        break;
      case "ClassDef":
        this.exprs(node.bases);
        for (const k of node.keywords) k.value = this.expr(k.value);
        this.body(node.body);
        this.exprs(node.decorator_list);
        break;
      case "Return":
        if (node.value) node.value = this.expr(node.value);
        break;
      case "Delete":
        this.exprs(node.targets);
        break;
      case "Assign":
        this.exprs(node.targets);
        node.value = this.expr(node.value);
        break;
      case "AugAssign":
        node.target = this.expr(node.target);
        node.value = this.expr(node.value);
        break;
      case "AnnAssign":
        node.target = this.expr(node.target);
        if (!this.o.futureAnnotations) node.annotation = this.expr(node.annotation);
        if (node.value) node.value = this.expr(node.value);
        break;
      case "For":
        node.target = this.expr(node.target);
        node.iter = this.expr(node.iter);
        this.stmts(node.body);
        this.stmts(node.orelse);
        node.iter = this.foldIter(node.iter);
        break;
      case "AsyncFor":
        node.target = this.expr(node.target);
        node.iter = this.expr(node.iter);
        this.stmts(node.body);
        this.stmts(node.orelse);
        break;
      case "While":
      case "If":
        node.test = this.expr(node.test);
        this.stmts(node.body);
        this.stmts(node.orelse);
        break;
      case "With":
      case "AsyncWith":
        for (const item of node.items) {
          item.context_expr = this.expr(item.context_expr);
          if (item.optional_vars) item.optional_vars = this.expr(item.optional_vars);
        }
        this.stmts(node.body);
        break;
      case "Raise":
        if (node.exc) node.exc = this.expr(node.exc);
        if (node.cause) node.cause = this.expr(node.cause);
        break;
      case "Try":
      case "TryStar":
        this.stmts(node.body);
        for (const h of node.handlers) {
          if (h.type) h.type = this.expr(h.type);
          this.stmts(h.body);
        }
        this.stmts(node.orelse);
        this.stmts(node.finalbody);
        break;
      case "Assert":
        node.test = this.expr(node.test);
        if (node.msg) node.msg = this.expr(node.msg);
        break;
      case "Expr":
        node.value = this.expr(node.value);
        break;
      case "Match":
        node.subject = this.expr(node.subject);
        for (const m of node.cases) {
          this.pattern(m.pattern);
          if (m.guard) m.guard = this.expr(m.guard);
          this.stmts(m.body);
        }
        break;
      default:
        break;
    }
  }

  private pattern(p: A.pattern): void {
    switch (p._type) {
      case "MatchValue":
        p.value = this.expr(p.value);
        break;
      case "MatchSequence":
        for (const x of p.patterns) this.pattern(x);
        break;
      case "MatchMapping":
        this.exprs(p.keys);
        for (const x of p.patterns) this.pattern(x);
        break;
      case "MatchClass":
        p.cls = this.expr(p.cls);
        for (const x of p.patterns) this.pattern(x);
        for (const x of p.kwd_patterns) this.pattern(x);
        break;
      case "MatchAs":
        if (p.pattern) this.pattern(p.pattern);
        break;
      case "MatchOr":
        for (const x of p.patterns) this.pattern(x);
        break;
      default:
        break;
    }
  }
}

// ------------------------------------------------------------------ '%' formatting

/** parse_literal: a run of text up to the next single '%', '%%' unescaped. */
function parseLiteral(fmt: string[], pos: { i: number }): A.expr | null {
  const start = pos.i;
  let hasPercents = false;
  while (pos.i < fmt.length) {
    if (fmt[pos.i] !== "%") pos.i++;
    else if (pos.i + 1 < fmt.length && fmt[pos.i + 1] === "%") {
      hasPercents = true;
      pos.i += 2;
    } else break;
  }
  if (pos.i === start) return null;
  let s = fmt.slice(start, pos.i).join("");
  if (hasPercents) s = s.replaceAll("%%", "%");
  return A.Constant(s, null, -1, -1, -1, -1);
}

const MAXDIGITS = 3;

function parseFormat(fmt: string[], pos: { i: number }, arg: A.expr): A.expr | null {
  let p = pos.i;
  let ch = "";
  const next = (): boolean => {
    if (p >= fmt.length) return false;
    ch = fmt[p++];
    return true;
  };
  let ljust = false;
  for (;;) {
    if (!next()) return null;
    if (ch === "-") {
      ljust = true;
      continue;
    }
    if (ch === "+" || ch === " " || ch === "#" || ch === "0" || ch === "z") continue;
    break;
  }
  let width = -1;
  let prec = -1;
  if (ch >= "0" && ch <= "9") {
    width = 0;
    let digits = 0;
    while (ch >= "0" && ch <= "9") {
      width = width * 10 + (ch.charCodeAt(0) - 48);
      if (!next()) return null;
      if (++digits >= MAXDIGITS) return null;
    }
  }
  if (ch === ".") {
    if (!next()) return null;
    prec = 0;
    if (ch >= "0" && ch <= "9") {
      let digits = 0;
      while (ch >= "0" && ch <= "9") {
        prec = prec * 10 + (ch.charCodeAt(0) - 48);
        if (!next()) return null;
        if (++digits >= MAXDIGITS) return null;
      }
    }
  }
  const spec = ch;
  pos.i = p;
  if (spec !== "s" && spec !== "r" && spec !== "a") return null;
  let buf = "";
  if (!ljust && width > 0) buf += ">";
  if (width >= 0) buf += String(width);
  if (prec >= 0) buf += "." + String(prec);
  const formatSpec = buf ? A.Constant(buf, null, -1, -1, -1, -1) : null;
  return A.FormattedValue(
    arg,
    spec.charCodeAt(0),
    formatSpec,
    arg.lineno,
    arg.col_offset,
    arg.end_lineno,
    arg.end_col_offset,
  );
}

/** optimize_format: 'text %s more %r' % (a, b) as an f-string. */
function optimizeFormat(node: A.BinOp, fmtStr: string, elts: A.expr[]): A.expr {
  const fmt = codePoints(fmtStr);
  const pos = { i: 0 };
  let cnt = 0;
  const seq: A.expr[] = [];
  for (;;) {
    const lit = parseLiteral(fmt, pos);
    if (lit) seq.push(lit);
    if (pos.i >= fmt.length) break;
    if (cnt >= elts.length) return node;
    pos.i++;
    const expr = parseFormat(fmt, pos, elts[cnt]);
    cnt++;
    if (!expr) return node;
    seq.push(expr);
  }
  if (cnt < elts.length) return node;
  return A.JoinedStr(seq, node.lineno, node.col_offset, node.end_lineno, node.end_col_offset);
}
