// The symtable module (the interface of Lib/symtable.py) over glasspy's own symbol table
// (runtime/compiler/symtable.ts, the one the compiler uses to decide local, global, free
// and cell): `_symtable.symtable(source, filename, mode)` parses the source and builds the
// table as CPython's _Py_SymtableStringObjectFlags does (the parser's tree and the future
// features, no AST optimization), and gives each block as a plain record: name, type,
// first line, whether nested, its symbols with their flags (the DEF_* bits and the scope
// above SCOPE_OFF), and its child blocks in source order. The Python side wraps the records
// in SymbolTable, Function, Class and Symbol objects, one object per block.

import { METH_FASTCALL, PyObject } from "../objects/object.ts";
import { PyErr_Format } from "../objects/errors.ts";
import { PyExc_TypeError, PyExc_ValueError } from "../objects/exceptions.ts";
import { PyLong_FromNumber } from "../objects/longobject.ts";
import { PyUnicode_Check, PyUnicode_FromString } from "../objects/unicodeobject.ts";
import { PyList_FromArraySteal } from "../objects/listobject.ts";
import { PyDict_New, PyDict_SetItem, PyDict_SetItemString } from "../objects/dictobject.ts";
import { Py_DECREF, PyBool_FromLong } from "../objects/object.ts";
import { bytesLike } from "../objects/bytesobject.ts";
import { str } from "../objects/objectops.ts";
import { checkPositional } from "../objects/argparse.ts";
import { parse } from "../compiler/parser.ts";
import { SourceInfo } from "../compiler/source.ts";
import { futureFeatures } from "../compiler/future.ts";
import {
  CELL,
  DEF_ANNOT,
  DEF_BOUND,
  DEF_GLOBAL,
  DEF_IMPORT,
  DEF_LOCAL,
  DEF_NONLOCAL,
  DEF_PARAM,
  FREE,
  GLOBAL_EXPLICIT,
  GLOBAL_IMPLICIT,
  LOCAL,
  SCOPE_MASK,
  SCOPE_OFFSET,
  SymbolTable,
  type SymbolTableEntry,
  USE,
} from "../compiler/symtable.ts";
import { decodeSource } from "../compiler/decode.ts";
import { compileErrors } from "./_ast.ts";
import { registerBuiltinModule } from "./modsupport.ts";
import { registerFrozenModule } from "./frozen.ts";

/** _Py_block_ty: FunctionBlock, ClassBlock, ModuleBlock, AnnotationBlock. */
const BLOCK_TYPES = { function: 0, class: 1, module: 2, annotation: 3 } as const;

let nextId = 1;

function setItem(d: PyObject, key: string, value: PyObject): void {
  PyDict_SetItemString(d, key, value);
  Py_DECREF(value);
}

/** One block as a dict: id, name, type, lineno, nested, symbols, varnames, children. */
function entryRecord(ste: SymbolTableEntry): PyObject {
  const d = PyDict_New();
  setItem(d, "id", PyLong_FromNumber(nextId++));
  setItem(d, "name", PyUnicode_FromString(ste.name));
  setItem(d, "type", PyLong_FromNumber(BLOCK_TYPES[ste.type]));
  setItem(d, "lineno", PyLong_FromNumber(ste.lineno));
  setItem(d, "nested", PyBool_FromLong(ste.nested));
  const symbols = PyDict_New();
  for (const [name, flags] of ste.symbols) {
    const k = PyUnicode_FromString(name);
    const v = PyLong_FromNumber(flags);
    PyDict_SetItem(symbols, k, v);
    Py_DECREF(k);
    Py_DECREF(v);
  }
  setItem(d, "symbols", symbols);
  setItem(d, "varnames", PyList_FromArraySteal(ste.varnames.map((n) => PyUnicode_FromString(n))));
  setItem(d, "children", PyList_FromArraySteal(ste.children.map(entryRecord)));
  return d;
}

/** _symtable.symtable(source, filename, compile_type): the top block's record. */
function symtable_symtable(_m: PyObject, args: PyObject[], off: number, nargs: number): PyObject {
  checkPositional("symtable", nargs, 3, 3);
  const [source, filename, mode] = args.slice(off, off + 3);
  if (!PyUnicode_Check(mode)) {
    throw PyErr_Format(
      PyExc_TypeError,
      `symtable() argument 3 must be str, not ${mode.ob_type.tp_name}`,
    );
  }
  const start = str(mode);
  if (start !== "exec" && start !== "eval" && start !== "single") {
    throw PyErr_Format(PyExc_ValueError, "symtable() arg 3 must be 'exec' or 'eval' or 'single'");
  }
  if (!PyUnicode_Check(filename)) {
    throw PyErr_Format(
      PyExc_TypeError,
      `expected str, bytes or os.PathLike object, not ${filename.ob_type.tp_name}`,
    );
  }
  const file = str(filename);
  let text: string;
  if (PyUnicode_Check(source)) text = str(source);
  else {
    const raw = bytesLike(source);
    if (raw === null) {
      throw PyErr_Format(
        PyExc_TypeError,
        `symtable() arg 1 must be a string or bytes object`,
      );
    }
    text = compileErrors(() => decodeSource(raw, { filename: file }));
  }
  return compileErrors(() => {
    const mod = parse(text, { filename: file, mode: start });
    const src = new SourceInfo(file, text, () => {});
    const table = new SymbolTable(mod, src, futureFeatures(mod, src).features);
    return entryRecord(table.top);
  });
}

registerBuiltinModule({
  name: "_symtable",
  doc: "The symbol table's native part (glasspy): the compiler's table as records.",
  methods: [{ ml_name: "symtable", ml_meth: symtable_symtable, ml_flags: METH_FASTCALL }],
  exec: (m) => {
    const constants: [string, number][] = [
      ["USE", USE],
      ["DEF_GLOBAL", DEF_GLOBAL],
      ["DEF_NONLOCAL", DEF_NONLOCAL],
      ["DEF_LOCAL", DEF_LOCAL],
      ["DEF_PARAM", DEF_PARAM],
      ["DEF_IMPORT", DEF_IMPORT],
      ["DEF_BOUND", DEF_BOUND],
      ["DEF_ANNOT", DEF_ANNOT],
      ["TYPE_FUNCTION", BLOCK_TYPES.function],
      ["TYPE_CLASS", BLOCK_TYPES.class],
      ["TYPE_MODULE", BLOCK_TYPES.module],
      ["LOCAL", LOCAL],
      ["GLOBAL_EXPLICIT", GLOBAL_EXPLICIT],
      ["GLOBAL_IMPLICIT", GLOBAL_IMPLICIT],
      ["FREE", FREE],
      ["CELL", CELL],
      ["SCOPE_OFF", SCOPE_OFFSET],
      ["SCOPE_MASK", SCOPE_MASK],
    ];
    const d = m.ob_dict!;
    for (const [name, value] of constants) setItem(d, name, PyLong_FromNumber(value));
  },
});

registerFrozenModule(
  "symtable",
  String.raw`"""The compiler's symbol table for a piece of source: for each block (the module, each
class, function, lambda and comprehension) the names it uses and how each is bound."""

import _symtable
from _symtable import (USE, DEF_GLOBAL, DEF_NONLOCAL, DEF_LOCAL, DEF_PARAM, DEF_IMPORT,
                       DEF_BOUND, DEF_ANNOT, SCOPE_OFF, SCOPE_MASK, FREE, LOCAL,
                       GLOBAL_IMPLICIT, GLOBAL_EXPLICIT, CELL)

__all__ = ["symtable", "SymbolTable", "Class", "Function", "Symbol"]


def symtable(code, filename, compile_type):
    """The symbol table of the module code compiles to (compile_type: 'exec', 'eval' or
    'single')."""
    record = _symtable.symtable(code, filename, compile_type)
    return _Tables(filename).table(record)


class _Tables:
    """Makes one table object per block record, so a block asked for twice is the same."""

    def __init__(self, filename):
        self.filename = filename
        self.made = {}

    def table(self, record):
        made = self.made.get(record['id'])
        if made is None:
            kind = record['type']
            cls = (Function if kind == _symtable.TYPE_FUNCTION
                   else Class if kind == _symtable.TYPE_CLASS else SymbolTable)
            made = self.made[record['id']] = cls(record, self.filename, self)
        return made


def _scope(flags):
    return (flags >> SCOPE_OFF) & SCOPE_MASK


class SymbolTable:
    def __init__(self, raw_table, filename, tables=None):
        self._table = raw_table
        self._filename = filename
        self._symbols = {}
        self._tables = tables if tables is not None else _Tables(filename)

    def __repr__(self):
        kind = '' if type(self) is SymbolTable else type(self).__name__ + ' '
        if self._table['name'] == 'top':
            return '<%sSymbolTable for module %s>' % (kind, self._filename)
        return '<%sSymbolTable for %s in %s>' % (kind, self._table['name'], self._filename)

    def get_type(self):
        """'module', 'function' or 'class'."""
        return {_symtable.TYPE_MODULE: 'module', _symtable.TYPE_FUNCTION: 'function',
                _symtable.TYPE_CLASS: 'class'}.get(self._table['type'])

    def get_id(self):
        return self._table['id']

    def get_name(self):
        """The block's name: 'top' for the module, else the class's or function's name."""
        return self._table['name']

    def get_lineno(self):
        return self._table['lineno']

    def is_optimized(self):
        """Whether the block's locals are fast locals (a function's)."""
        return self._table['type'] == _symtable.TYPE_FUNCTION

    def is_nested(self):
        return bool(self._table['nested'])

    def has_children(self):
        return bool(self._table['children'])

    def get_identifiers(self):
        """The names used in the block."""
        return self._table['symbols'].keys()

    def lookup(self, name):
        """The Symbol for name (KeyError when the block does not use it)."""
        found = self._symbols.get(name)
        if found is None:
            flags = self._table['symbols'][name]
            namespaces = [t for t in self.get_children() if t.get_name() == name]
            found = self._symbols[name] = Symbol(
                name, flags, namespaces,
                module_scope=self._table['type'] == _symtable.TYPE_MODULE)
        return found

    def get_symbols(self):
        return [self.lookup(name) for name in self.get_identifiers()]

    def get_children(self):
        """The tables of the blocks nested directly in this one."""
        return [self._tables.table(child) for child in self._table['children']]


class Function(SymbolTable):
    def _names_where(self, test):
        symbols = self._table['symbols']
        return tuple(name for name in self.get_identifiers() if test(symbols[name]))

    def get_parameters(self):
        return self._names_where(lambda flags: flags & DEF_PARAM)

    def get_locals(self):
        return self._names_where(lambda flags: _scope(flags) in (LOCAL, CELL))

    def get_globals(self):
        return self._names_where(lambda flags: _scope(flags) in (GLOBAL_IMPLICIT, GLOBAL_EXPLICIT))

    def get_nonlocals(self):
        return self._names_where(lambda flags: flags & DEF_NONLOCAL)

    def get_frees(self):
        return self._names_where(lambda flags: _scope(flags) == FREE)


class Class(SymbolTable):
    def get_methods(self):
        """The names of the blocks in the class body, each once."""
        names = []
        for child in self._table['children']:
            if child['name'] not in names:
                names.append(child['name'])
        return tuple(names)


class Symbol:
    def __init__(self, name, flags, namespaces=None, *, module_scope=False):
        self._name = name
        self._flags = flags
        self._scope = _scope(flags)
        self._namespaces = namespaces or ()
        self._module_scope = module_scope

    def __repr__(self):
        return '<symbol %r>' % (self._name,)

    def get_name(self):
        return self._name

    def is_referenced(self):
        return bool(self._flags & USE)

    def is_parameter(self):
        return bool(self._flags & DEF_PARAM)

    def is_global(self):
        """Whether the name is a global: declared or implicit, or bound at module level."""
        return bool(self._scope in (GLOBAL_IMPLICIT, GLOBAL_EXPLICIT)
                    or (self._module_scope and self._flags & DEF_BOUND))

    def is_nonlocal(self):
        return bool(self._flags & DEF_NONLOCAL)

    def is_declared_global(self):
        return bool(self._scope == GLOBAL_EXPLICIT)

    def is_local(self):
        return bool(self._scope in (LOCAL, CELL)
                    or (self._module_scope and self._flags & DEF_BOUND))

    def is_annotated(self):
        return bool(self._flags & DEF_ANNOT)

    def is_free(self):
        return bool(self._scope == FREE)

    def is_imported(self):
        return bool(self._flags & DEF_IMPORT)

    def is_assigned(self):
        return bool(self._flags & DEF_LOCAL)

    def is_namespace(self):
        """Whether the name is bound by a class or function statement (or lambda...)."""
        return bool(self._namespaces)

    def get_namespaces(self):
        return self._namespaces

    def get_namespace(self):
        """The one block the name is bound to (ValueError for none or several)."""
        if not self._namespaces:
            raise ValueError('name is not bound to any namespaces')
        if len(self._namespaces) > 1:
            raise ValueError('name is bound to multiple namespaces')
        return self._namespaces[0]
`,
);
