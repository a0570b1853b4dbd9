// The opcode module (Lib/opcode.py's names) and _opcode (Modules/_opcode.c): CPython 3.11's
// instruction set as the compiler numbers it (runtime/compiler/opcode.ts), as the lists and
// tables dis reads, and stack_effect over the compiler's own stack-depth function.

import {
  METH_FASTCALL,
  METH_KEYWORDS,
  Py_False,
  Py_INCREF,
  Py_None,
  Py_True,
  PyObject,
} from "../objects/object.ts";
import { PyErr_Format } from "../objects/errors.ts";
import { PyExc_OverflowError, PyExc_ValueError } from "../objects/exceptions.ts";
import { PyNumber_Index } from "../objects/abstract.ts";
import { longValue, PyLong_FromNumber } from "../objects/longobject.ts";
import { Py_DECREF } from "../objects/object.ts";
import { PyUnicode_FromString, PyUnicode_InternFromString } from "../objects/unicodeobject.ts";
import { PyList_FromArraySteal } from "../objects/listobject.ts";
import { PyTuple_FromArraySteal } from "../objects/tupleobject.ts";
import { PyDict_New, PyDict_SetItem } from "../objects/dictobject.ts";
import { unpackKeywords } from "../objects/argparse.ts";
import {
  cmpOp,
  hascompare,
  hasconst,
  hasfree,
  hasjrel,
  haslocal,
  hasname,
  HAVE_ARGUMENT,
  inlineCacheEntries,
  nbOps,
  Op,
  opname,
} from "../compiler/opcode.ts";
import { stackEffect } from "../compiler/flowgraph.ts";
import { importModule } from "../vm/imports.ts";
import { PyObject_GetAttrString } from "../objects/objectops.ts";
import {
  PyModule_AddIntConstant,
  PyModule_AddObjectSteal,
  registerBuiltinModule,
} from "./modsupport.ts";

// ---- _opcode ---------------------------------------------------------------------------------

/** A C int argument as Argument Clinic converts one (through __index__). */
function asCInt(o: PyObject, cType: "int" | "long"): number {
  const i = PyNumber_Index(o);
  const v = longValue(i);
  Py_DECREF(i);
  const limit = cType === "int" ? 2 ** 31 : 2 ** 63;
  if (typeof v === "bigint" || v >= limit || v < -limit) {
    if (typeof v === "bigint" && cType === "int" && v < 2n ** 63n && v >= -(2n ** 63n)) {
      throw PyErr_Format(PyExc_OverflowError, "Python int too large to convert to C int");
    }
    throw PyErr_Format(PyExc_OverflowError, `Python int too large to convert to C ${cType}`);
  }
  return v;
}

const stackEffectParams = ["", "", "jump"] as const;

/** _opcode.stack_effect(opcode, oparg=None, /, *, jump=None) */
function opcode_stack_effect(
  _m: PyObject,
  args: (PyObject | null)[],
  offset: number,
  nargs: number,
  kwnames: PyObject | null,
): PyObject {
  const [opArg, opargArg, jumpArg] = unpackKeywords(
    "stack_effect",
    stackEffectParams,
    args,
    offset,
    nargs,
    kwnames,
    1,
    2,
    0,
    2,
  );
  const opcode = asCInt(opArg!, "int");
  const oparg = opargArg ?? Py_None;
  let arg = 0;
  if (opcode >= HAVE_ARGUMENT) {
    if (oparg === Py_None) {
      throw PyErr_Format(
        PyExc_ValueError,
        "stack_effect: opcode requires oparg but oparg was not specified",
      );
    }
    // a C long, then cast to int
    arg = asCInt(oparg, "long") | 0;
  } else if (oparg !== Py_None) {
    throw PyErr_Format(
      PyExc_ValueError,
      "stack_effect: opcode does not permit oparg but oparg was specified",
    );
  }
  const jump = jumpArg ?? Py_None;
  let jumpInt: number;
  if (jump === Py_None) jumpInt = -1;
  else if (jump === Py_True) jumpInt = 1;
  else if (jump === Py_False) jumpInt = 0;
  else throw PyErr_Format(PyExc_ValueError, "stack_effect: jump must be False, True or None");
  // the compiler's own function knows the real opcodes and its pseudo-instructions (< 0)
  let effect: number | null = null;
  if (opcode < 256 && (opcode < 0 || !opname[opcode].startsWith("<"))) {
    try {
      effect = stackEffect(opcode, arg, jumpInt);
    } catch {
      effect = null;
    }
  }
  if (effect === null) throw PyErr_Format(PyExc_ValueError, "invalid opcode or oparg");
  return PyLong_FromNumber(effect);
}

function opcode_get_specialization_stats(_m: PyObject): PyObject {
  Py_INCREF(Py_None);
  return Py_None;
}

registerBuiltinModule({
  name: "_opcode",
  doc: "Opcode support module.",
  methods: [
    {
      ml_name: "stack_effect",
      ml_meth: opcode_stack_effect,
      ml_flags: METH_FASTCALL | METH_KEYWORDS,
      ml_doc: "Compute the stack effect of the opcode.",
    },
    {
      ml_name: "get_specialization_stats",
      ml_meth: opcode_get_specialization_stats,
      ml_flags: 0x0004,
    },
  ],
});

// ---- opcode ----------------------------------------------------------------------------------

/**
 * The adaptive interpreter's instruction families (opcode._specializations): each base
 * instruction with the specialised forms CPython 3.11 quickens it into. glasspy's eval loop
 * specialises in its own way and never writes these into co_code; dis reads them to undo
 * quickening.
 */
const SPECIALIZATIONS: [string, string[]][] = [
  ["BINARY_OP", [
    "ADAPTIVE",
    "ADD_FLOAT",
    "ADD_INT",
    "ADD_UNICODE",
    "INPLACE_ADD_UNICODE",
    "MULTIPLY_FLOAT",
    "MULTIPLY_INT",
    "SUBTRACT_FLOAT",
    "SUBTRACT_INT",
  ]],
  ["BINARY_SUBSCR", ["ADAPTIVE", "DICT", "GETITEM", "LIST_INT", "TUPLE_INT"]],
  ["CALL", ["ADAPTIVE", "PY_EXACT_ARGS", "PY_WITH_DEFAULTS"]],
  ["COMPARE_OP", ["ADAPTIVE", "FLOAT_JUMP", "INT_JUMP", "STR_JUMP"]],
  ["EXTENDED_ARG", ["QUICK"]],
  ["JUMP_BACKWARD", ["QUICK"]],
  ["LOAD_ATTR", ["ADAPTIVE", "INSTANCE_VALUE", "MODULE", "SLOT", "WITH_HINT"]],
  ["LOAD_CONST", ["_LOAD_FAST"]],
  ["LOAD_FAST", ["_LOAD_CONST", "_LOAD_FAST"]],
  ["LOAD_GLOBAL", ["ADAPTIVE", "BUILTIN", "MODULE"]],
  ["LOAD_METHOD", [
    "ADAPTIVE",
    "CLASS",
    "MODULE",
    "NO_DICT",
    "WITH_DICT",
    "WITH_VALUES",
  ]],
  ["PRECALL", [
    "ADAPTIVE",
    "BOUND_METHOD",
    "BUILTIN_CLASS",
    "BUILTIN_FAST_WITH_KEYWORDS",
    "METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS",
    "NO_KW_BUILTIN_FAST",
    "NO_KW_BUILTIN_O",
    "NO_KW_ISINSTANCE",
    "NO_KW_LEN",
    "NO_KW_LIST_APPEND",
    "NO_KW_METHOD_DESCRIPTOR_FAST",
    "NO_KW_METHOD_DESCRIPTOR_NOARGS",
    "NO_KW_METHOD_DESCRIPTOR_O",
    "NO_KW_STR_1",
    "NO_KW_TUPLE_1",
    "NO_KW_TYPE_1",
    "PYFUNC",
  ]],
  ["RESUME", ["QUICK"]],
  ["STORE_ATTR", ["ADAPTIVE", "INSTANCE_VALUE", "SLOT", "WITH_HINT"]],
  ["STORE_FAST", ["_LOAD_FAST", "_STORE_FAST"]],
  ["STORE_SUBSCR", ["ADAPTIVE", "DICT", "LIST_INT"]],
  ["UNPACK_SEQUENCE", ["ADAPTIVE", "LIST", "TUPLE", "TWO_TUPLE"]],
];

/** The inline cache layout of each instruction that has one (opcode._cache_format). */
const CACHE_FORMAT: [string, [string, number][]][] = [
  ["LOAD_GLOBAL", [["counter", 1], ["index", 1], ["module_keys_version", 2], [
    "builtin_keys_version",
    1,
  ]]],
  ["BINARY_OP", [["counter", 1]]],
  ["UNPACK_SEQUENCE", [["counter", 1]]],
  ["COMPARE_OP", [["counter", 1], ["mask", 1]]],
  ["BINARY_SUBSCR", [["counter", 1], ["type_version", 2], ["func_version", 1]]],
  ["LOAD_ATTR", [["counter", 1], ["version", 2], ["index", 1]]],
  ["STORE_ATTR", [["counter", 1], ["version", 2], ["index", 1]]],
  ["LOAD_METHOD", [["counter", 1], ["type_version", 2], ["dict_offset", 1], [
    "keys_version",
    2,
  ], ["descr", 4]]],
  ["CALL", [["counter", 1], ["func_version", 2], ["min_args", 1]]],
  ["PRECALL", [["counter", 1]]],
  ["STORE_SUBSCR", [["counter", 1]]],
];

const str = (s: string) => PyUnicode_InternFromString(s);
const int = (n: number) => PyLong_FromNumber(n);
const listOf = <T>(xs: readonly T[], f: (x: T) => PyObject) => PyList_FromArraySteal(xs.map(f));
const opsIn = (set: ReadonlySet<number>) => listOf([...set].sort((a, b) => a - b), int);

const OPCODE_ALL = [
  "cmp_op",
  "hasconst",
  "hasname",
  "hasjrel",
  "hasjabs",
  "haslocal",
  "hascompare",
  "hasfree",
  "opname",
  "opmap",
  "HAVE_ARGUMENT",
  "EXTENDED_ARG",
  "hasnargs",
  "stack_effect",
];

function opcode_exec(mod: PyObject): void {
  const add = (name: string, v: PyObject) => PyModule_AddObjectSteal(mod, name, v);
  add("__all__", listOf(OPCODE_ALL, str));
  add("cmp_op", PyTuple_FromArraySteal(cmpOp.map(str)));
  add("hasconst", opsIn(hasconst));
  add("hasname", opsIn(hasname));
  add("hasjrel", opsIn(hasjrel));
  add("hasjabs", listOf([], int));
  add("haslocal", opsIn(haslocal));
  add("hascompare", opsIn(hascompare));
  add("hasfree", opsIn(hasfree));
  add("hasnargs", listOf([], int));
  add("opname", listOf(opname, (n) => PyUnicode_FromString(n)));
  const opmap = PyDict_New();
  for (const [name, num] of Object.entries(Op).sort((a, b) => a[1] - b[1])) {
    const k = str(name), v = int(num);
    PyDict_SetItem(opmap, k, v);
    Py_DECREF(k);
    Py_DECREF(v);
  }
  add("opmap", opmap);
  PyModule_AddIntConstant(mod, "HAVE_ARGUMENT", HAVE_ARGUMENT);
  PyModule_AddIntConstant(mod, "EXTENDED_ARG", Op.EXTENDED_ARG);
  add(
    "_nb_ops",
    listOf(nbOps, ([name, sym]) => PyTuple_FromArraySteal([str(name), PyUnicode_FromString(sym)])),
  );
  const specs = PyDict_New();
  const flat: string[] = [];
  for (const [base, forms] of SPECIALIZATIONS) {
    const names = forms.map((f) => base + "_" + f);
    flat.push(...names);
    const k = str(base), v = listOf(names, str);
    PyDict_SetItem(specs, k, v);
    Py_DECREF(k);
    Py_DECREF(v);
  }
  add("_specializations", specs);
  add("_specialized_instructions", listOf(flat, str));
  add(
    "_specialization_stats",
    listOf(["success", "failure", "hit", "deferred", "miss", "deopt"], str),
  );
  const formats = PyDict_New();
  for (const [name, fields] of CACHE_FORMAT) {
    const d = PyDict_New();
    for (const [field, size] of fields) {
      const k = str(field), v = int(size);
      PyDict_SetItem(d, k, v);
      Py_DECREF(k);
      Py_DECREF(v);
    }
    const k = str(name);
    PyDict_SetItem(formats, k, d);
    Py_DECREF(k);
    Py_DECREF(d);
  }
  add("_cache_format", formats);
  add("_inline_cache_entries", listOf(Array.from(inlineCacheEntries), int));
  PyModule_AddObjectSteal(mod, "stack_effect", stackEffectFunction());
}

/** The module's stack_effect is _opcode's function object. */
function stackEffectFunction(): PyObject {
  const name = str("_opcode");
  const mod = importModule(name);
  Py_DECREF(name);
  try {
    return PyObject_GetAttrString(mod, "stack_effect");
  } finally {
    Py_DECREF(mod);
  }
}

registerBuiltinModule({
  name: "opcode",
  doc: "The instruction set of CPython 3.11's bytecode: names, numbers and their kinds.",
  methods: [],
  exec: opcode_exec,
});
