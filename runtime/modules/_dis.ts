// _dis: the native half of glasspy's dis module. It reads live code objects (or bare
// bytecode) through the compiler's disassembler (runtime/compiler/dis.ts), so that
// `dis.dis` in a program, `%dis` in a notebook and `glasspy dis FILE.py` write the same
// text; constants are shown by their repr() here, so frozensets list their items in the
// order the VM's sets iterate them, as CPython's listings do. The Python half (dis.ts)
// makes the Instruction and Positions named tuples from the rows this returns.

import {
  METH_FASTCALL,
  METH_O,
  Py_DECREF,
  Py_False,
  Py_INCREF,
  Py_None,
  Py_True,
  PyObject,
} from "../objects/object.ts";
import { PyErr_Format } from "../objects/errors.ts";
import { PyExc_TypeError } from "../objects/exceptions.ts";
import { codeData, ConstantPool, PyCode_Check } from "../objects/codeobject.ts";
import { initTypes } from "../objects/typeslots.ts";
import { bytesLike } from "../objects/bytesobject.ts";
import { PyLong_FromNumber } from "../objects/longobject.ts";
import { PyUnicode_FromString } from "../objects/unicodeobject.ts";
import { PyList_FromArraySteal } from "../objects/listobject.ts";
import { PyTuple_FromArraySteal, tupleItems } from "../objects/tupleobject.ts";
import { PyNumber_AsSsize_t } from "../objects/abstract.ts";
import { PyObject_GetAttrString, PyObject_Repr, str } from "../objects/objectops.ts";
import { checkPositional } from "../objects/argparse.ts";
import {
  codeInfo,
  disassemble,
  disassembleRecursive,
  type DisCode,
  type DisOptions,
  findLabels,
  getInstructions,
  UNKNOWN,
} from "../compiler/dis.ts";
import { parseExceptionTable } from "../compiler/linetable.ts";
import { CO_FAST, type CodeUnit, type Constant } from "../compiler/code.ts";
import { constRepr } from "../compiler/constrepr.ts";
import type { ConstReprFunction } from "../compiler/disassemble.ts";
import { importModule } from "../vm/imports.ts";
import { registerBuiltinModule } from "./modsupport.ts";

const none = (): PyObject => {
  Py_INCREF(Py_None);
  return Py_None;
};
const bool = (b: boolean): PyObject => {
  const r = b ? Py_True : Py_False;
  Py_INCREF(r);
  return r;
};
const int = (n: number): PyObject => PyLong_FromNumber(n);
const text = (s: string): PyObject => PyUnicode_FromString(s);
const intOrNone = (n: number | null): PyObject => (n === null ? none() : int(n));

/** A code object as the disassembler reads it, or bare bytecode (bytes, bytearray). */
function disCode(x: PyObject): DisCode<PyObject> {
  if (PyCode_Check(x)) {
    const co = codeData(x);
    return {
      code: co.code,
      consts: co.consts,
      names: co.names.map((n) => str(n)),
      localsplusnames: tupleItems(co.co_localsplusnames).map((n) => str(n)),
      linetable: co.co_linetable,
      firstlineno: co.co_firstlineno,
      exceptiontable: co.co_exceptiontable,
    };
  }
  const raw = bytesLike(x);
  if (raw === null) {
    throw PyErr_Format(
      PyExc_TypeError,
      `don't know how to disassemble ${x.ob_type.tp_name} objects`,
    );
  }
  return {
    code: raw,
    consts: null,
    names: null,
    localsplusnames: null,
    linetable: null,
    firstlineno: 0,
    exceptiontable: new Uint8Array(0),
  };
}

function reprOf(o: PyObject): string {
  const r = PyObject_Repr(o);
  try {
    return str(r);
  } finally {
    Py_DECREF(r);
  }
}

function options(showCaches: boolean, lineOffset: number, depth: number | null) {
  const opts: DisOptions<PyObject> = {
    reprConst: reprOf,
    asCode: (c) => (PyCode_Check(c) ? disCode(c) : null),
    showCaches,
    lineOffset,
    depth,
  };
  return opts;
}

const truth = (o: PyObject | null | undefined) => o !== null && o !== undefined && o !== Py_False;
const number = (o: PyObject | null | undefined, dflt: number) =>
  o === null || o === undefined || o === Py_None ? dflt : PyNumber_AsSsize_t(o, null);

/** The builtins that FORMAT_VALUE's argument names (dis shows them as argval). */
function converters(): PyObject[] {
  const name = PyUnicode_FromString("builtins");
  let b: PyObject;
  try {
    b = importModule(name);
  } finally {
    Py_DECREF(name);
  }
  try {
    return ["str", "repr", "ascii"].map((n) => PyObject_GetAttrString(b, n));
  } finally {
    Py_DECREF(b);
  }
}

/**
 * _dis.instructions(x, show_caches, line_offset, unknown, handlers): one row per instruction,
 * (opname, opcode, arg, argval, argrepr, offset, starts_line, is_jump_target,
 * (lineno, end_lineno, col_offset, end_col_offset)); `unknown` stands for an argument
 * value that cannot be known (dis.UNKNOWN); exception handlers are marked as jump targets
 * when `handlers` is true.
 */
function dis_instructions(
  _m: PyObject,
  args: PyObject[],
  offset: number,
  nargs: number,
): PyObject {
  checkPositional("instructions", nargs, 5, 5);
  const [x, caches, lineOffset, unknown, handlers] = args.slice(offset, offset + 5);
  const co = disCode(x);
  const rows: PyObject[] = [];
  let conv: PyObject[] | null = null;
  const opts = options(truth(caches), number(lineOffset, 0), 0);
  opts.handlerLabels = truth(handlers);
  for (const ins of getInstructions(co, opts)) {
    let argval: PyObject;
    const v = ins.argval;
    if (v === null) argval = none();
    else if (v === UNKNOWN) {
      Py_INCREF(unknown);
      argval = unknown;
    } else if (v instanceof PyObject) {
      Py_INCREF(v);
      argval = v;
    } else if (typeof v === "string") argval = text(v);
    else if (typeof v === "number") argval = int(v);
    else {
      // FORMAT_VALUE: (conversion function or None, whether a format spec follows)
      const [name, withSpec] = v as [string | null, boolean];
      conv ??= converters();
      let f = Py_None;
      if (name !== null) f = conv[["str", "repr", "ascii"].indexOf(name)];
      Py_INCREF(f);
      argval = PyTuple_FromArraySteal([f, bool(withSpec)]);
    }
    const p = ins.positions;
    rows.push(PyTuple_FromArraySteal([
      text(ins.opname),
      int(ins.opcode),
      intOrNone(ins.arg),
      argval,
      text(ins.argrepr),
      int(ins.offset),
      intOrNone(ins.starts_line),
      bool(ins.is_jump_target),
      PyTuple_FromArraySteal([
        intOrNone(p.lineno),
        intOrNone(p.end_lineno),
        intOrNone(p.col_offset),
        intOrNone(p.end_col_offset),
      ]),
    ]));
  }
  if (conv !== null) { for (const f of conv) Py_DECREF(f); }
  return PyList_FromArraySteal(rows);
}

/**
 * _dis.listing(x, lasti, show_caches, line_offset, depth): the text dis prints for a code
 * object (its nested code objects after it, `depth` levels deep, all when None) or for
 * bare bytecode; the instruction at offset `lasti` is marked `-->`.
 */
function dis_listing(_m: PyObject, args: PyObject[], offset: number, nargs: number): PyObject {
  checkPositional("listing", nargs, 5, 5);
  const [x, lasti, caches, lineOffset, depthArg] = args.slice(offset, offset + 5);
  const co = disCode(x);
  const depth = depthArg === Py_None ? null : number(depthArg, 0);
  const opts = options(truth(caches), number(lineOffset, 0), depth);
  const out = depth === 0 || !PyCode_Check(x)
    ? disassemble(co, opts, number(lasti, -1))
    : disassembleRecursive(co, opts);
  return text(out);
}

/** _dis.code_info(code): dis.code_info's text for one code object. */
function dis_code_info(_m: PyObject, x: PyObject): PyObject {
  if (!PyCode_Check(x)) {
    throw PyErr_Format(
      PyExc_TypeError,
      `don't know how to disassemble ${x.ob_type.tp_name} objects`,
    );
  }
  const co = codeData(x);
  const names = tupleItems(co.co_localsplusnames).map((n) => str(n));
  const pick = (kind: number) => names.filter((_, i) => (co.co_localspluskinds[i] & kind) !== 0);
  return text(codeInfo<PyObject>({
    name: str(co.co_name),
    filename: str(co.co_filename),
    argcount: co.co_argcount,
    posonlyargcount: co.co_posonlyargcount,
    kwonlyargcount: co.co_kwonlyargcount,
    nlocals: co.co_nlocals,
    stacksize: co.co_stacksize,
    flags: co.co_flags,
    consts: co.consts,
    names: co.names.map((n) => str(n)),
    varnames: pick(CO_FAST.LOCAL),
    freevars: pick(CO_FAST.FREE),
    cellvars: pick(CO_FAST.CELL),
  }, reprOf));
}

/** _dis.exception_entries(code): (start, end, target, depth, lasti) rows in bytes. */
function dis_exception_entries(_m: PyObject, x: PyObject): PyObject {
  const co = disCode(x);
  return PyList_FromArraySteal(
    parseExceptionTable(co.exceptiontable).map((e) =>
      PyTuple_FromArraySteal([int(e.start), int(e.end), int(e.target), int(e.depth), bool(e.lasti)])
    ),
  );
}

/** _dis.findlabels(code_bytes): the offsets that jumps go to, in order of first use. */
function dis_findlabels(_m: PyObject, x: PyObject): PyObject {
  return PyList_FromArraySteal(findLabels(disCode(x).code).map(int));
}

registerBuiltinModule({
  name: "_dis",
  doc: "The disassembler's native part (glasspy): rows and text from code objects.",
  methods: [
    { ml_name: "instructions", ml_meth: dis_instructions, ml_flags: METH_FASTCALL },
    { ml_name: "listing", ml_meth: dis_listing, ml_flags: METH_FASTCALL },
    { ml_name: "code_info", ml_meth: dis_code_info, ml_flags: METH_O },
    { ml_name: "exception_entries", ml_meth: dis_exception_entries, ml_flags: METH_O },
    { ml_name: "findlabels", ml_meth: dis_findlabels, ml_flags: METH_O },
  ],
});

// ---- constants of CodeUnits (glasspy dis FILE.py) --------------------------------------------------

function holdsFrozenset(c: Constant): boolean {
  if (c === null || typeof c !== "object" || c instanceof Uint8Array) return false;
  if (c.kind === "frozenset") return true;
  return c.kind === "tuple" && c.items.some(holdsFrozenset);
}

/**
 * repr() of the compile-time constants of `root` (a compiled module) as a program would
 * print them: a constant holding a frozenset is made into the VM's objects, as the VM makes
 * them for this compilation, and shown by their repr, so the items come in the order
 * glasspy's sets (and CPython's) iterate them; the rest as the compiler writes them.
 */
export function vmConstRepr(root: CodeUnit): ConstReprFunction {
  return (c, code) => {
    if (!holdsFrozenset(c)) return constRepr(c, code);
    initTypes();
    const pool = new ConstantPool(false);
    pool.noteIdentifiers(root);
    try {
      return reprOf(pool.get(c, false));
    } finally {
      pool.clear();
    }
  };
}
