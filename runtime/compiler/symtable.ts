// The symbol table, as Python/symtable.c builds it: a first pass over the AST records,
// for each block (module, class, function, lambda, comprehension), what each name is
// used for; a second pass decides whether each name is local, global (explicit or
// implicit), free or cell, with Python 3.11's rules (comprehensions are function scopes;
// class scopes are invisible to the functions nested in them).

import type * as A from "./ast.ts";
import type { SourceInfo } from "./source.ts";

// def-use flags (Include/internal/pycore_symtable.h)
export const DEF_GLOBAL = 1;
export const DEF_LOCAL = 2;
export const DEF_PARAM = 2 << 1;
export const DEF_NONLOCAL = 2 << 2;
export const USE = 2 << 3;
export const DEF_FREE = 2 << 4;
export const DEF_FREE_CLASS = 2 << 5;
export const DEF_IMPORT = 2 << 6;
export const DEF_ANNOT = 2 << 7;
export const DEF_COMP_ITER = 2 << 8;
export const DEF_BOUND = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

export const SCOPE_OFFSET = 11;
export const SCOPE_MASK = DEF_GLOBAL | DEF_LOCAL | DEF_PARAM | DEF_NONLOCAL;

// scopes
export const LOCAL = 1;
export const GLOBAL_EXPLICIT = 2;
export const GLOBAL_IMPLICIT = 3;
export const FREE = 4;
export const CELL = 5;

export type BlockType = "function" | "class" | "module" | "annotation";

export const enum Comprehension {
  None = 0,
  List = 1,
  Dict = 2,
  Set = 3,
  Generator = 4,
}

/** Future features that change compilation (CO_FUTURE_* flags). */
export const CO_FUTURE_BARRY_AS_BDFL = 0x400000;
export const CO_FUTURE_ANNOTATIONS = 0x1000000;

interface Directive {
  name: string;
  lineno: number;
  col_offset: number;
  end_lineno: number;
  end_col_offset: number;
}

type Located = { lineno: number; col_offset: number; end_lineno: number; end_col_offset: number };

/** A block's entry (PySTEntryObject). */
export class SymbolTableEntry {
  readonly symbols = new Map<string, number>();
  readonly varnames: string[] = [];
  readonly children: SymbolTableEntry[] = [];
  directives: Directive[] | null = null;
  nested = false;
  free = false;
  childFree = false;
  generator = false;
  coroutine = false;
  comprehension: Comprehension = Comprehension.None;
  varargs = false;
  varkeywords = false;
  returnsValue = false;
  needsClassClosure = false;
  compIterTarget = false;
  compIterExpr = 0;

  constructor(
    readonly name: string,
    readonly type: BlockType,
    readonly lineno: number,
    readonly col_offset: number,
    readonly end_lineno: number,
    readonly end_col_offset: number,
  ) {}

  /** _PyST_GetSymbol */
  getSymbol(name: string): number {
    return this.symbols.get(name) ?? 0;
  }

  /** _PyST_GetScope */
  getScope(name: string): number {
    return (this.getSymbol(name) >> SCOPE_OFFSET) & SCOPE_MASK;
  }
}

/** _Py_Mangle: __private names in a class become _Class__private. */
export function mangle(privateName: string | null, ident: string): string {
  if (privateName === null || !ident.startsWith("__")) return ident;
  if (ident.endsWith("__") || ident.indexOf(".") >= 0) return ident;
  let i = 0;
  while (i < privateName.length && privateName[i] === "_") i++;
  if (i === privateName.length) return ident;
  return "_" + privateName.slice(i) + ident;
}

const NAMED_EXPR_COMP_IN_CLASS =
  "assignment expression within a comprehension cannot be used in a class body";
const NAMED_EXPR_COMP_ITER_EXPR =
  "assignment expression cannot be used in a comprehension iterable expression";

export class SymbolTable {
  /** Blocks by the AST node that opened them. */
  readonly blocks = new Map<object, SymbolTableEntry>();
  readonly top: SymbolTableEntry;
  private cur!: SymbolTableEntry;
  private readonly stack: SymbolTableEntry[] = [];
  private global: Map<string, number>;
  private private_: string | null = null;

  constructor(
    mod: A.mod,
    private readonly src: SourceInfo,
    private readonly futureFeatures: number,
  ) {
    this.enterBlock("top", "module", mod, 0, 0, 0, 0);
    this.top = this.cur;
    this.global = this.top.symbols;
    switch (mod._type) {
      case "Module":
      case "Interactive":
        for (const s of mod.body) this.visitStmt(s);
        break;
      case "Expression":
        this.visitExpr(mod.body);
        break;
      default:
        throw new Error("this compiler does not handle FunctionTypes");
    }
    this.exitBlock();
    this.analyzeBlock(this.top, null, new Set(), new Set());
  }

  /** PySymtable_Lookup */
  lookup(node: object): SymbolTableEntry {
    const ste = this.blocks.get(node);
    if (!ste) throw new Error("unknown symbol table entry");
    return ste;
  }

  private error(msg: string, loc: Located): never {
    throw this.src.error(
      msg,
      loc.lineno,
      loc.col_offset + 1,
      loc.end_lineno,
      loc.end_col_offset + 1,
    );
  }

  // ------------------------------------------------------------------ analysis

  private analyzeName(
    ste: SymbolTableEntry,
    scopes: Map<string, number>,
    name: string,
    flags: number,
    bound: Set<string> | null,
    local: Set<string>,
    free: Set<string>,
    global: Set<string>,
  ): void {
    if (flags & DEF_GLOBAL) {
      if (flags & DEF_NONLOCAL) {
        this.errorAtDirective(ste, name, `name '${name}' is nonlocal and global`);
      }
      scopes.set(name, GLOBAL_EXPLICIT);
      global.add(name);
      if (bound) bound.delete(name);
      return;
    }
    if (flags & DEF_NONLOCAL) {
      if (!bound) {
        this.errorAtDirective(ste, name, "nonlocal declaration not allowed at module level");
      }
      if (!bound.has(name)) {
        this.errorAtDirective(ste, name, `no binding for nonlocal '${name}' found`);
      }
      scopes.set(name, FREE);
      ste.free = true;
      free.add(name);
      return;
    }
    if (flags & DEF_BOUND) {
      scopes.set(name, LOCAL);
      local.add(name);
      global.delete(name);
      return;
    }
    if (bound && bound.has(name)) {
      scopes.set(name, FREE);
      ste.free = true;
      free.add(name);
      return;
    }
    if (global.has(name)) {
      scopes.set(name, GLOBAL_IMPLICIT);
      return;
    }
    if (ste.nested) ste.free = true;
    scopes.set(name, GLOBAL_IMPLICIT);
  }

  private errorAtDirective(ste: SymbolTableEntry, name: string, msg: string): never {
    for (const d of ste.directives ?? []) {
      if (d.name === name) {
        throw this.src.error(msg, d.lineno, d.col_offset + 1, d.end_lineno, d.end_col_offset + 1);
      }
    }
    throw new Error("BUG: internal directive bookkeeping broken");
  }

  private analyzeBlock(
    ste: SymbolTableEntry,
    bound: Set<string> | null,
    free: Set<string>,
    global: Set<string>,
  ): void {
    const local = new Set<string>();
    const scopes = new Map<string, number>();
    const newglobal = new Set<string>();
    const newfree = new Set<string>();
    const newbound = new Set<string>();

    if (ste.type === "class") {
      for (const n of global) newglobal.add(n);
      if (bound) { for (const n of bound) newbound.add(n); }
    }
    for (const [name, flags] of ste.symbols) {
      this.analyzeName(ste, scopes, name, flags, bound, local, free, global);
    }
    if (ste.type !== "class") {
      if (ste.type === "function") { for (const n of local) newbound.add(n); }
      if (bound) { for (const n of bound) newbound.add(n); }
      for (const n of global) newglobal.add(n);
    } else {
      newbound.add("__class__");
    }

    const allfree = new Set<string>();
    for (const entry of ste.children) {
      // analyze_child_block: the child works on copies
      const tempBound = new Set(newbound);
      const tempFree = new Set(newfree);
      const tempGlobal = new Set(newglobal);
      this.analyzeBlock(entry, tempBound, tempFree, tempGlobal);
      for (const n of tempFree) allfree.add(n);
      if (entry.free || entry.childFree) ste.childFree = true;
    }
    for (const n of allfree) newfree.add(n);

    if (ste.type === "function") {
      // analyze_cells
      for (const [name, scope] of scopes) {
        if (scope !== LOCAL) continue;
        if (!newfree.has(name)) continue;
        scopes.set(name, CELL);
        newfree.delete(name);
      }
    } else if (ste.type === "class") {
      if (newfree.delete("__class__")) ste.needsClassClosure = true;
    }
    this.updateSymbols(ste.symbols, scopes, bound, newfree, ste.type === "class");
    for (const n of newfree) free.add(n);
  }

  private updateSymbols(
    symbols: Map<string, number>,
    scopes: Map<string, number>,
    bound: Set<string> | null,
    free: Set<string>,
    classflag: boolean,
  ): void {
    for (const [name, flags] of symbols) {
      symbols.set(name, flags | (scopes.get(name)! << SCOPE_OFFSET));
    }
    for (const name of free) {
      const v = symbols.get(name);
      if (v !== undefined) {
        if (classflag && (v & (DEF_BOUND | DEF_GLOBAL))) {
          symbols.set(name, v | DEF_FREE_CLASS);
        }
        continue;
      }
      if (bound && !bound.has(name)) continue;
      symbols.set(name, FREE << SCOPE_OFFSET);
    }
  }

  // ------------------------------------------------------------------ blocks

  private enterBlock(
    name: string,
    type: BlockType,
    node: object,
    lineno: number,
    col: number,
    endLineno: number,
    endCol: number,
  ): void {
    const ste = new SymbolTableEntry(name, type, lineno, col, endLineno, endCol);
    const prev = this.stack.length ? this.cur : null;
    if (prev && (prev.nested || prev.type === "function")) ste.nested = true;
    this.blocks.set(node, ste);
    this.stack.push(ste);
    if (prev) ste.compIterExpr = prev.compIterExpr;
    this.cur = ste;
    if (type === "annotation") return;
    if (type === "module") this.global = ste.symbols;
    if (prev) prev.children.push(ste);
  }

  private exitBlock(): void {
    this.stack.pop();
    if (this.stack.length) this.cur = this.stack[this.stack.length - 1];
  }

  private lookupName(name: string): number {
    return this.cur.getSymbol(mangle(this.private_, name));
  }

  private addDef(name: string, flag: number, loc: Located, ste = this.cur): void {
    const mangled = mangle(this.private_, name);
    const dict = ste.symbols;
    const o = dict.get(mangled);
    let val: number;
    if (o !== undefined) {
      if ((flag & DEF_PARAM) && (o & DEF_PARAM)) {
        this.error(`duplicate argument '${name}' in function definition`, loc);
      }
      val = o | flag;
    } else {
      val = flag;
    }
    if (ste.compIterTarget) {
      if (val & (DEF_GLOBAL | DEF_NONLOCAL)) {
        this.error(
          `comprehension inner loop cannot rebind assignment expression target '${name}'`,
          loc,
        );
      }
      val |= DEF_COMP_ITER;
    }
    dict.set(mangled, val);
    if (flag & DEF_PARAM) {
      ste.varnames.push(mangled);
    } else if (flag & DEF_GLOBAL) {
      this.global.set(mangled, flag | (this.global.get(mangled) ?? 0));
    }
  }

  private recordDirective(name: string, loc: Located): void {
    if (!this.cur.directives) this.cur.directives = [];
    this.cur.directives.push({
      name: mangle(this.private_, name),
      lineno: loc.lineno,
      col_offset: loc.col_offset,
      end_lineno: loc.end_lineno,
      end_col_offset: loc.end_col_offset,
    });
  }

  // ------------------------------------------------------------------ statements

  private visitStmt(s: A.stmt): void {
    switch (s._type) {
      case "FunctionDef":
      case "AsyncFunctionDef":
        this.addDef(s.name, DEF_LOCAL, s);
        for (const d of s.args.defaults) this.visitExpr(d);
        for (const d of s.args.kw_defaults) if (d) this.visitExpr(d);
        this.visitAnnotations(s, s.args, s.returns);
        for (const d of s.decorator_list) this.visitExpr(d);
        this.enterBlock(
          s.name,
          "function",
          s,
          s.lineno,
          s.col_offset,
          s.end_lineno,
          s.end_col_offset,
        );
        if (s._type === "AsyncFunctionDef") this.cur.coroutine = true;
        this.visitArguments(s.args);
        for (const b of s.body) this.visitStmt(b);
        this.exitBlock();
        break;
      case "ClassDef": {
        this.addDef(s.name, DEF_LOCAL, s);
        for (const b of s.bases) this.visitExpr(b);
        for (const k of s.keywords) this.visitExpr(k.value);
        for (const d of s.decorator_list) this.visitExpr(d);
        this.enterBlock(s.name, "class", s, s.lineno, s.col_offset, s.end_lineno, s.end_col_offset);
        const tmp = this.private_;
        this.private_ = s.name;
        for (const b of s.body) this.visitStmt(b);
        this.private_ = tmp;
        this.exitBlock();
        break;
      }
      case "Return":
        if (s.value) {
          this.visitExpr(s.value);
          this.cur.returnsValue = true;
        }
        break;
      case "Delete":
        for (const t of s.targets) this.visitExpr(t);
        break;
      case "Assign":
        for (const t of s.targets) this.visitExpr(t);
        this.visitExpr(s.value);
        break;
      case "AnnAssign":
        if (s.target._type === "Name") {
          const eName = s.target;
          const cur = this.lookupName(eName.id);
          if ((cur & (DEF_GLOBAL | DEF_NONLOCAL)) && this.cur.symbols !== this.global && s.simple) {
            this.error(
              cur & DEF_GLOBAL
                ? `annotated name '${eName.id}' can't be global`
                : `annotated name '${eName.id}' can't be nonlocal`,
              s,
            );
          }
          if (s.simple) {
            this.addDef(eName.id, DEF_ANNOT | DEF_LOCAL, eName);
          } else if (s.value) {
            this.addDef(eName.id, DEF_LOCAL, eName);
          }
        } else {
          this.visitExpr(s.target);
        }
        this.visitAnnotation(s.annotation);
        if (s.value) this.visitExpr(s.value);
        break;
      case "AugAssign":
        this.visitExpr(s.target);
        this.visitExpr(s.value);
        break;
      case "For":
      case "AsyncFor":
        this.visitExpr(s.target);
        this.visitExpr(s.iter);
        for (const b of s.body) this.visitStmt(b);
        for (const b of s.orelse) this.visitStmt(b);
        break;
      case "While":
      case "If":
        this.visitExpr(s.test);
        for (const b of s.body) this.visitStmt(b);
        for (const b of s.orelse) this.visitStmt(b);
        break;
      case "Match":
        this.visitExpr(s.subject);
        for (const m of s.cases) {
          this.visitPattern(m.pattern);
          if (m.guard) this.visitExpr(m.guard);
          for (const b of m.body) this.visitStmt(b);
        }
        break;
      case "Raise":
        if (s.exc) {
          this.visitExpr(s.exc);
          if (s.cause) this.visitExpr(s.cause);
        }
        break;
      case "Try":
      case "TryStar":
        for (const b of s.body) this.visitStmt(b);
        for (const b of s.orelse) this.visitStmt(b);
        for (const h of s.handlers) {
          if (h.type) this.visitExpr(h.type);
          if (h.name) this.addDef(h.name, DEF_LOCAL, h);
          for (const b of h.body) this.visitStmt(b);
        }
        for (const b of s.finalbody) this.visitStmt(b);
        break;
      case "Assert":
        this.visitExpr(s.test);
        if (s.msg) this.visitExpr(s.msg);
        break;
      case "Import":
      case "ImportFrom":
        for (const a of s.names) this.visitAlias(a);
        break;
      case "Global":
      case "Nonlocal": {
        const isGlobal = s._type === "Global";
        const word = isGlobal ? "global" : "nonlocal";
        for (const name of s.names) {
          const cur = this.lookupName(name);
          if (cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT)) {
            let msg: string;
            if (cur & DEF_PARAM) msg = `name '${name}' is parameter and ${word}`;
            else if (cur & USE) msg = `name '${name}' is used prior to ${word} declaration`;
            else if (cur & DEF_ANNOT) msg = `annotated name '${name}' can't be ${word}`;
            else msg = `name '${name}' is assigned to before ${word} declaration`;
            this.error(msg, s);
          }
          this.addDef(name, isGlobal ? DEF_GLOBAL : DEF_NONLOCAL, s);
          this.recordDirective(name, s);
        }
        break;
      }
      case "Expr":
        this.visitExpr(s.value);
        break;
      case "Pass":
      case "Break":
      case "Continue":
        break;
      case "With":
      case "AsyncWith":
        for (const item of s.items) {
          this.visitExpr(item.context_expr);
          if (item.optional_vars) this.visitExpr(item.optional_vars);
        }
        for (const b of s.body) this.visitStmt(b);
        break;
    }
  }

  // ------------------------------------------------------------------ expressions

  private extendNamedExprScope(e: A.Name): void {
    const targetName = e.id;
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const ste = this.stack[i];
      if (ste.comprehension) {
        if (ste.getSymbol(targetName) & DEF_COMP_ITER) {
          this.error(
            `assignment expression cannot rebind comprehension iteration variable '${targetName}'`,
            e,
          );
        }
        continue;
      }
      if (ste.type === "function") {
        if (ste.getSymbol(targetName) & DEF_GLOBAL) this.addDef(targetName, DEF_GLOBAL, e);
        else this.addDef(targetName, DEF_NONLOCAL, e);
        this.recordDirective(targetName, e);
        this.addDef(targetName, DEF_LOCAL, e, ste);
        return;
      }
      if (ste.type === "module") {
        this.addDef(targetName, DEF_GLOBAL, e);
        this.recordDirective(targetName, e);
        this.addDef(targetName, DEF_GLOBAL, e, ste);
        return;
      }
      if (ste.type === "class") this.error(NAMED_EXPR_COMP_IN_CLASS, e);
    }
    throw new Error("no scope for an assignment expression");
  }

  private raiseIfAnnotationBlock(name: string, e: A.expr): void {
    if (this.cur.type !== "annotation") return;
    this.error(`'${name}' can not be used within an annotation`, e);
  }

  private raiseIfComprehensionBlock(e: A.expr): never {
    const type = this.cur.comprehension;
    this.error(
      type === Comprehension.List
        ? "'yield' inside list comprehension"
        : type === Comprehension.Set
        ? "'yield' inside set comprehension"
        : type === Comprehension.Dict
        ? "'yield' inside dict comprehension"
        : "'yield' inside generator expression",
      e,
    );
  }

  private visitExpr(e: A.expr): void {
    switch (e._type) {
      case "NamedExpr":
        this.raiseIfAnnotationBlock("named expression", e);
        if (this.cur.compIterExpr > 0) this.error(NAMED_EXPR_COMP_ITER_EXPR, e);
        if (this.cur.comprehension) this.extendNamedExprScope(e.target as A.Name);
        this.visitExpr(e.value);
        this.visitExpr(e.target);
        break;
      case "BoolOp":
        for (const v of e.values) this.visitExpr(v);
        break;
      case "BinOp":
        this.visitExpr(e.left);
        this.visitExpr(e.right);
        break;
      case "UnaryOp":
        this.visitExpr(e.operand);
        break;
      case "Lambda":
        for (const d of e.args.defaults) this.visitExpr(d);
        for (const d of e.args.kw_defaults) if (d) this.visitExpr(d);
        this.enterBlock(
          "lambda",
          "function",
          e,
          e.lineno,
          e.col_offset,
          e.end_lineno,
          e.end_col_offset,
        );
        this.visitArguments(e.args);
        this.visitExpr(e.body);
        this.exitBlock();
        break;
      case "IfExp":
        this.visitExpr(e.test);
        this.visitExpr(e.body);
        this.visitExpr(e.orelse);
        break;
      case "Dict":
        for (const k of e.keys) if (k) this.visitExpr(k);
        for (const v of e.values) this.visitExpr(v);
        break;
      case "Set":
        for (const x of e.elts) this.visitExpr(x);
        break;
      case "GeneratorExp":
        this.handleComprehension(e, "genexpr", e.generators, e.elt, null);
        break;
      case "ListComp":
        this.handleComprehension(e, "listcomp", e.generators, e.elt, null);
        break;
      case "SetComp":
        this.handleComprehension(e, "setcomp", e.generators, e.elt, null);
        break;
      case "DictComp":
        this.handleComprehension(e, "dictcomp", e.generators, e.key, e.value);
        break;
      case "Yield":
        this.raiseIfAnnotationBlock("yield expression", e);
        if (e.value) this.visitExpr(e.value);
        this.cur.generator = true;
        if (this.cur.comprehension) this.raiseIfComprehensionBlock(e);
        break;
      case "YieldFrom":
        this.raiseIfAnnotationBlock("yield expression", e);
        this.visitExpr(e.value);
        this.cur.generator = true;
        if (this.cur.comprehension) this.raiseIfComprehensionBlock(e);
        break;
      case "Await":
        this.raiseIfAnnotationBlock("await expression", e);
        this.visitExpr(e.value);
        this.cur.coroutine = true;
        break;
      case "Compare":
        this.visitExpr(e.left);
        for (const c of e.comparators) this.visitExpr(c);
        break;
      case "Call":
        this.visitExpr(e.func);
        for (const a of e.args) this.visitExpr(a);
        for (const k of e.keywords) this.visitExpr(k.value);
        break;
      case "FormattedValue":
        this.visitExpr(e.value);
        if (e.format_spec) this.visitExpr(e.format_spec);
        break;
      case "JoinedStr":
        for (const v of e.values) this.visitExpr(v);
        break;
      case "Constant":
        break;
      case "Attribute":
        this.visitExpr(e.value);
        break;
      case "Subscript":
        this.visitExpr(e.value);
        this.visitExpr(e.slice);
        break;
      case "Starred":
        this.visitExpr(e.value);
        break;
      case "Slice":
        if (e.lower) this.visitExpr(e.lower);
        if (e.upper) this.visitExpr(e.upper);
        if (e.step) this.visitExpr(e.step);
        break;
      case "Name":
        this.addDef(e.id, e.ctx === "Load" ? USE : DEF_LOCAL, e);
        // super() counts as a use of __class__
        if (e.ctx === "Load" && this.cur.type === "function" && e.id === "super") {
          this.addDef("__class__", USE, e);
        }
        break;
      case "List":
      case "Tuple":
        for (const x of e.elts) this.visitExpr(x);
        break;
    }
  }

  private visitPattern(p: A.pattern): void {
    switch (p._type) {
      case "MatchValue":
        this.visitExpr(p.value);
        break;
      case "MatchSingleton":
        break;
      case "MatchSequence":
        for (const x of p.patterns) this.visitPattern(x);
        break;
      case "MatchStar":
        if (p.name) this.addDef(p.name, DEF_LOCAL, p);
        break;
      case "MatchMapping":
        for (const k of p.keys) this.visitExpr(k);
        for (const x of p.patterns) this.visitPattern(x);
        if (p.rest) this.addDef(p.rest, DEF_LOCAL, p);
        break;
      case "MatchClass":
        this.visitExpr(p.cls);
        for (const x of p.patterns) this.visitPattern(x);
        for (const x of p.kwd_patterns) this.visitPattern(x);
        break;
      case "MatchAs":
        if (p.pattern) this.visitPattern(p.pattern);
        if (p.name) this.addDef(p.name, DEF_LOCAL, p);
        break;
      case "MatchOr":
        for (const x of p.patterns) this.visitPattern(x);
        break;
    }
  }

  private visitParams(args: A.arg[]): void {
    for (const a of args) this.addDef(a.arg, DEF_PARAM, a);
  }

  private visitAnnotation(annotation: A.expr): void {
    const future = (this.futureFeatures & CO_FUTURE_ANNOTATIONS) !== 0;
    if (future) {
      this.enterBlock(
        "_annotation",
        "annotation",
        annotation,
        annotation.lineno,
        annotation.col_offset,
        annotation.end_lineno,
        annotation.end_col_offset,
      );
    }
    this.visitExpr(annotation);
    if (future) this.exitBlock();
  }

  private visitAnnotations(o: A.stmt, a: A.arguments, returns: A.expr | null): void {
    const future = (this.futureFeatures & CO_FUTURE_ANNOTATIONS) !== 0;
    if (future) {
      this.enterBlock(
        "_annotation",
        "annotation",
        o,
        o.lineno,
        o.col_offset,
        o.end_lineno,
        o.end_col_offset,
      );
    }
    for (const x of a.posonlyargs) if (x.annotation) this.visitExpr(x.annotation);
    for (const x of a.args) if (x.annotation) this.visitExpr(x.annotation);
    if (a.vararg && a.vararg.annotation) this.visitExpr(a.vararg.annotation);
    if (a.kwarg && a.kwarg.annotation) this.visitExpr(a.kwarg.annotation);
    for (const x of a.kwonlyargs) if (x.annotation) this.visitExpr(x.annotation);
    if (future) this.exitBlock();
    if (returns) this.visitAnnotation(returns);
  }

  private visitArguments(a: A.arguments): void {
    this.visitParams(a.posonlyargs);
    this.visitParams(a.args);
    this.visitParams(a.kwonlyargs);
    if (a.vararg) {
      this.addDef(a.vararg.arg, DEF_PARAM, a.vararg);
      this.cur.varargs = true;
    }
    if (a.kwarg) {
      this.addDef(a.kwarg.arg, DEF_PARAM, a.kwarg);
      this.cur.varkeywords = true;
    }
  }

  private visitAlias(a: A.alias): void {
    const name = a.asname ?? a.name;
    const dot = name.indexOf(".");
    const storeName = dot >= 0 ? name.slice(0, dot) : name;
    if (name !== "*") {
      this.addDef(storeName, DEF_IMPORT, a);
    } else if (this.cur.type !== "module") {
      this.error("import * only allowed at module level", a);
    }
  }

  private visitComprehension(lc: A.comprehension): void {
    this.cur.compIterTarget = true;
    this.visitExpr(lc.target);
    this.cur.compIterTarget = false;
    this.cur.compIterExpr++;
    this.visitExpr(lc.iter);
    this.cur.compIterExpr--;
    for (const x of lc.ifs) this.visitExpr(x);
    if (lc.is_async) this.cur.coroutine = true;
  }

  private handleComprehension(
    e: A.expr,
    scopeName: string,
    generators: A.comprehension[],
    elt: A.expr,
    value: A.expr | null,
  ): void {
    const isGenerator = e._type === "GeneratorExp";
    const outermost = generators[0];
    this.cur.compIterExpr++;
    this.visitExpr(outermost.iter);
    this.cur.compIterExpr--;
    this.enterBlock(
      scopeName,
      "function",
      e,
      e.lineno,
      e.col_offset,
      e.end_lineno,
      e.end_col_offset,
    );
    switch (e._type) {
      case "ListComp":
        this.cur.comprehension = Comprehension.List;
        break;
      case "SetComp":
        this.cur.comprehension = Comprehension.Set;
        break;
      case "DictComp":
        this.cur.comprehension = Comprehension.Dict;
        break;
      default:
        this.cur.comprehension = Comprehension.Generator;
    }
    if (outermost.is_async) this.cur.coroutine = true;
    // the outermost iterator arrives as the implicit argument .0
    this.addDef(".0", DEF_PARAM, this.cur);
    this.cur.compIterTarget = true;
    this.visitExpr(outermost.target);
    this.cur.compIterTarget = false;
    for (const x of outermost.ifs) this.visitExpr(x);
    for (let i = 1; i < generators.length; i++) this.visitComprehension(generators[i]);
    if (value) this.visitExpr(value);
    this.visitExpr(elt);
    this.cur.generator = isGenerator;
    const isAsync = this.cur.coroutine && !isGenerator;
    this.exitBlock();
    if (isAsync) this.cur.coroutine = true;
  }
}
