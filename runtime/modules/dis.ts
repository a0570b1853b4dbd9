// The dis module (Lib/dis.py's interface), written for glasspy: the Python half holds what
// users see as Python objects — the Instruction and Positions named tuples, Bytecode, the
// dispatch of dis() over functions, methods, classes, modules, generators, source strings
// and bytes — and the _dis module (_dis.ts) reads the code objects and writes the text,
// through the same disassembler as `glasspy dis FILE.py`.

import { registerFrozenModule } from "./frozen.ts";

registerFrozenModule(
  "dis",
  String.raw`"""Disassembler: the bytecode of functions, classes, code objects and source as
readable instructions."""

import sys
import _dis
from collections import namedtuple as _namedtuple
from opcode import *
from opcode import __all__ as _opcode_names
from opcode import _cache_format, _inline_cache_entries, _nb_ops
from opcode import _specializations, _specialized_instructions

__all__ = ("code_info dis disassemble distb disco findlinestarts findlabels show_code "
           "get_instructions Instruction Bytecode").split() + _opcode_names
del _opcode_names

COMPILER_FLAG_NAMES = {1 << bit: name for bit, name in enumerate(
    "OPTIMIZED NEWLOCALS VARARGS VARKEYWORDS NESTED GENERATOR NOFREE COROUTINE "
    "ITERABLE_COROUTINE ASYNC_GENERATOR".split())}

FORMAT_VALUE_CONVERTERS = ((None, ''), (str, 'str'), (repr, 'repr'), (ascii, 'ascii'))
MAKE_FUNCTION_FLAGS = ('defaults', 'kwdefaults', 'annotations', 'closure')
FORMAT_VALUE, MAKE_FUNCTION, LOAD_CONST, LOAD_GLOBAL, BINARY_OP, JUMP_BACKWARD, CACHE = (
    opmap[_name] for _name in "FORMAT_VALUE MAKE_FUNCTION LOAD_CONST LOAD_GLOBAL BINARY_OP "
                              "JUMP_BACKWARD CACHE".split())

# specialised instruction -> the instruction it specialises
deoptmap = {form: base for base in _specializations for form in _specializations[base]}


def _sample(): pass
# what dis() disassembles when it finds it in a class's or module's namespace (a method is
# made by binding the function to any object: a throwaway class would be cyclic garbage)
_have_code = (type(_sample.__get__(0)), type(_sample), type(_sample.__code__),
              classmethod, staticmethod, type)
del _sample


class _Unknown:
    def __repr__(self): return "<unknown>"

# stands for an argument value that cannot be worked out (no co_consts to look in)
UNKNOWN = _Unknown()


def pretty_flags(flags):
    """The names of the bits set in a code object's co_flags, comma-separated."""
    words, rest = [], flags
    for bit in range(32):
        if rest & (1 << bit):
            words.append(COMPILER_FLAG_NAMES.get(1 << bit, hex(1 << bit)))
            rest ^= 1 << bit
            if not rest:
                return ", ".join(words)
    words.append(hex(rest))
    return ", ".join(words)


Positions = _namedtuple('Positions', 'lineno end_lineno col_offset end_col_offset',
                        defaults=(None, None, None, None))

_Instruction = _namedtuple(
    '_Instruction',
    'opname opcode arg argval argrepr offset starts_line is_jump_target positions',
    defaults=(None,))

for _field, _doc in (
        ('opname', "Human readable name for operation"),
        ('opcode', "Numeric code for operation"),
        ('arg', "Numeric argument to operation (if any), otherwise None"),
        ('argval', "Resolved arg value (if known), otherwise same as arg"),
        ('argrepr', "Human readable description of operation argument"),
        ('offset', "Start index of operation within bytecode sequence"),
        ('starts_line', "Line started by this opcode (if any), otherwise None"),
        ('is_jump_target', "True if other code jumps to here, otherwise False"),
        ('positions', "dis.Positions object holding the span of source code covered by "
                      "this instruction")):
    getattr(_Instruction, _field).__doc__ = _doc
del _field, _doc

_ExceptionTableEntry = _namedtuple("_ExceptionTableEntry", "start end target depth lasti")

_OPNAME_WIDTH, _OPARG_WIDTH = 20, 5


class Instruction(_Instruction):
    """One bytecode instruction: its name and number, its argument (raw, resolved and
    described), its offset, the source line it starts (or None), whether a jump lands on
    it, and the source span it came from (a Positions)."""

    def _disassemble(self, lineno_width=3, mark_as_current=False, offset_width=4):
        """The instruction as one line of a listing: line number column (omitted when
        lineno_width is 0), the --> marker, the >> jump-target marker, offset, name,
        argument and its description."""
        if not lineno_width:
            cols = []
        elif self.starts_line is None:
            cols = [' ' * lineno_width]
        else:
            cols = [str(self.starts_line).rjust(lineno_width)]
        cols.append('-->' if mark_as_current else '   ')
        cols.append('>>' if self.is_jump_target else '  ')
        cols += [repr(self.offset).rjust(offset_width), self.opname.ljust(_OPNAME_WIDTH)]
        if self.arg is not None:
            cols.append(repr(self.arg).rjust(_OPARG_WIDTH))
            if self.argrepr:
                cols.append('(%s)' % self.argrepr)
        return ' '.join(cols).rstrip()


def _try_compile(source, name):
    # an expression if it parses as one, else statements
    try:
        return compile(source, name, 'eval')
    except SyntaxError:
        # raised while the first is handled, so a failure shows both
        return compile(source, name, 'exec')


def _unwrap(x):
    # a method's function, then the code of a function, generator or coroutine
    if hasattr(x, '__func__'):
        x = x.__func__
    for attr in ('__code__', 'gi_code', 'ag_code', 'cr_code'):
        if hasattr(x, attr):
            return getattr(x, attr)
    return x


def _cannot(x):
    return TypeError("don't know how to disassemble %s objects" % type(x).__name__)


def _get_code_object(x):
    x = _unwrap(x)
    if isinstance(x, str):
        x = _try_compile(x, "<disassembly>")
    if not hasattr(x, 'co_code'):
        raise _cannot(x)
    return x


def _get_code_array(co, adaptive):
    # glasspy's eval loop never rewrites co_code, so the adaptive form is the same
    return co.co_code


def _write(text, file):
    # line by line, as a file given to dis sees the listing written
    for line in text.splitlines():
        print(line, file=file)


def dis(x=None, *, file=None, depth=None, show_caches=False, adaptive=False):
    """Print the disassembly of x: a function, method, class, module, code object,
    generator or coroutine, source string or bytes of bytecode; with no x, the code of the
    last traceback. Nested code objects follow their parent, depth levels deep (all when
    depth is None); for a class or module, each function and class in its namespace."""
    if x is None:
        return distb(file=file, show_caches=show_caches, adaptive=adaptive)
    x = _unwrap(x)
    if hasattr(x, '__dict__'):
        # a class or module: each function, method, code object and class inside
        members = [item for item in sorted(x.__dict__.items()) if isinstance(item[1], _have_code)]
        for name, member in members:
            _write("Disassembly of %s:\n" % name, file)
            try:
                dis(member, file=file, depth=depth, show_caches=show_caches, adaptive=adaptive)
            except TypeError as refusal:
                _write("Sorry: %s\n" % refusal, file)
            _write("\n", file)
        return
    if hasattr(x, 'co_code'):
        return _write(_dis.listing(x, -1, show_caches, 0, depth), file)
    if isinstance(x, (bytes, bytearray)):
        return _write(_dis.listing(x, -1, show_caches, 0, 0), file)
    if isinstance(x, str):
        return _write(_dis.listing(_try_compile(x, '<dis>'), -1, show_caches, 0, depth), file)
    raise _cannot(x)


def distb(tb=None, *, file=None, show_caches=False, adaptive=False):
    """Print the disassembly of the innermost frame of traceback tb (by default the last
    uncaught one), marking the instruction that raised."""
    if tb is None:
        tb = getattr(sys, 'last_traceback', None)
        if tb is None:
            raise RuntimeError("no last traceback to disassemble")
        tb = _innermost(tb)
    _write(_dis.listing(tb.tb_frame.f_code, tb.tb_lasti, show_caches, 0, 0), file)


def _innermost(tb):
    while tb.tb_next:
        tb = tb.tb_next
    return tb


def disassemble(co, lasti=-1, *, file=None, show_caches=False, adaptive=False):
    """Print the disassembly of one code object; the instruction at offset lasti is
    marked with -->."""
    _write(_dis.listing(co, lasti, show_caches, 0, 0), file)

disco = disassemble


def code_info(x):
    """The co_* details of the code of x (function, method, code object, source...)."""
    return _dis.code_info(_get_code_object(x))


def show_code(co, *, file=None):
    """Print code_info(co)."""
    print(code_info(co), file=file)


def _instructions(co, show_caches, line_offset, handlers):
    for *fields, span in _dis.instructions(co, show_caches, line_offset, UNKNOWN, handlers):
        yield Instruction(*fields, Positions(*span))


def get_instructions(x, *, first_line=None, show_caches=False, adaptive=False):
    """An iterator of Instruction tuples for the code of x. With first_line, line numbers
    are shifted so that the code's first line reads as first_line."""
    co = _get_code_object(x)
    shift = 0 if first_line is None else first_line - co.co_firstlineno
    return _instructions(co, show_caches, shift, False)


def findlinestarts(code):
    """The (offset, line) pairs where a new source line begins."""
    previous = None
    for start, _end, line in code.co_lines():
        if line is not None and line != previous:
            previous = line
            yield start, line


def findlabels(code):
    """The offsets of bytecode (bytes) that jumps go to."""
    return _dis.findlabels(code)


def _parse_exception_table(code):
    return [_ExceptionTableEntry(*row) for row in _dis.exception_entries(code)]


class Bytecode:
    """The instructions of a function, method, code object or source string: iterate it
    for Instruction tuples, or call dis() for the listing and info() for code_info."""

    def __init__(self, x, *, first_line=None, current_offset=None, show_caches=False,
                 adaptive=False):
        self._original_object, self.current_offset = x, current_offset
        self.show_caches, self.adaptive = show_caches, adaptive
        self.codeobj = co = _get_code_object(x)
        self.exception_entries = _parse_exception_table(co)
        self._linestarts = {offset: line for offset, line in findlinestarts(co)}
        self.first_line = co.co_firstlineno if first_line is None else first_line
        self._line_offset = self.first_line - co.co_firstlineno

    def __iter__(self):
        return _instructions(self.codeobj, self.show_caches, self._line_offset, True)

    def __repr__(self):
        return "%s(%r)" % (type(self).__name__, self._original_object)

    @classmethod
    def from_traceback(cls, tb, *, show_caches=False, adaptive=False):
        """The Bytecode of a traceback's innermost frame, its current offset where it
        raised."""
        tb = _innermost(tb)
        return cls(tb.tb_frame.f_code, current_offset=tb.tb_lasti, show_caches=show_caches,
                   adaptive=adaptive)

    def info(self):
        """code_info() of the code object."""
        return _dis.code_info(self.codeobj)

    def dis(self):
        """The listing of the code object (its nested code objects not included)."""
        lasti = -1 if self.current_offset is None else self.current_offset
        return _dis.listing(self.codeobj, lasti, self.show_caches, self._line_offset, 0)
`,
);
