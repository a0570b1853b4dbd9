// What the compiler hands to the VM: a code object as plain data, the fields of CPython
// 3.11's PyCodeObject constructor (Objects/codeobject.c, `_PyCode_Validate`). The VM turns
// a CodeUnit into a Python `code` object, turning each Constant into a heap object, much
// as marshal.loads would. Nothing here depends on the object model, so the compiler, the
// `dis` formatter and the tests can use it without a running VM.

/** A compile-time constant, as it sits in co_consts. */
export type Constant =
  | null // None
  | boolean // True, False
  | bigint // int (always bigint here; the VM picks its own representation)
  | number // float
  | string // str (JavaScript UTF-16; lone surrogates allowed)
  | Uint8Array // bytes
  | ComplexConstant
  | TupleConstant
  | FrozensetConstant
  | EllipsisConstant
  | CodeUnit;

export interface ComplexConstant {
  readonly kind: "complex";
  readonly real: number;
  readonly imag: number;
}

export interface TupleConstant {
  readonly kind: "tuple";
  readonly items: readonly Constant[];
}

/** Items in the order the source listed them; iteration order is the VM's business. */
export interface FrozensetConstant {
  readonly kind: "frozenset";
  readonly items: readonly Constant[];
}

export interface EllipsisConstant {
  readonly kind: "ellipsis";
}

/** co_flags bits (Include/cpython/code.h). */
export const CO = {
  OPTIMIZED: 0x0001,
  NEWLOCALS: 0x0002,
  VARARGS: 0x0004,
  VARKEYWORDS: 0x0008,
  NESTED: 0x0010,
  GENERATOR: 0x0020,
  NOFREE: 0x0040,
  COROUTINE: 0x0080,
  ITERABLE_COROUTINE: 0x0100,
  ASYNC_GENERATOR: 0x0200,
} as const;

/** The future features' co_flags bits (Include/cpython/code.h, CO_FUTURE_*). */
export const CO_FUTURE = {
  DIVISION: 0x20000,
  ABSOLUTE_IMPORT: 0x40000,
  WITH_STATEMENT: 0x80000,
  PRINT_FUNCTION: 0x100000,
  UNICODE_LITERALS: 0x200000,
  BARRY_AS_BDFL: 0x400000,
  GENERATOR_STOP: 0x800000,
  ANNOTATIONS: 0x1000000,
} as const;

/** The future features compile()'s flags pass on to co_flags (PyCF_MASK). */
export const PyCF_MASK = 0x1fe0000;

/** compile()'s other flags (Include/cpython/compile.h, PyCF_*). */
export const PyCF = {
  SOURCE_IS_UTF8: 0x0100,
  DONT_IMPLY_DEDENT: 0x0200,
  ONLY_AST: 0x0400,
  IGNORE_COOKIE: 0x0800,
  TYPE_COMMENTS: 0x1000,
  ALLOW_TOP_LEVEL_AWAIT: 0x2000,
  ALLOW_INCOMPLETE_INPUT: 0x4000,
} as const;

/** Kinds of a localsplus slot (Include/internal/pycore_code.h, CO_FAST_*). */
export const CO_FAST = {
  LOCAL: 0x20,
  CELL: 0x40,
  FREE: 0x80,
} as const;

export interface CodeUnit {
  readonly kind: "code";
  argcount: number;
  posonlyargcount: number;
  kwonlyargcount: number;
  stacksize: number;
  flags: number;
  /** co_code: little-endian code units, opcode then oparg, CACHE entries included. */
  code: Uint8Array;
  consts: Constant[];
  names: string[];
  /** Names of the fast locals, cells and free variables, in localsplus order. */
  localsplusnames: string[];
  /** One CO_FAST_* mask per localsplus name. */
  localspluskinds: Uint8Array;
  filename: string;
  name: string;
  qualname: string;
  firstlineno: number;
  /** co_linetable in 3.11's location-table format (Objects/locations.md). */
  linetable: Uint8Array;
  /** co_exceptiontable in 3.11's varint format (Objects/exception_handling_notes.txt). */
  exceptiontable: Uint8Array;
}
