// The traceback module (the interface of CPython 3.11's Lib/traceback.py), written for
// glasspy: summaries of the frames of a traceback or of the stack, and the text of an
// exception with its chain, notes and groups, in the chunks Python's module yields them.
//
// Its text differs from the interpreter's own report (runtime/vm/traceback.ts) where
// CPython's two differ: source lines are stripped at both ends, carets count characters
// rather than terminal columns, and no "Did you mean" is offered. The one piece done natively
// is reading an expression's shape for the carets (_segment_shape), with glasspy's parser.

import {
  METH_FASTCALL,
  METH_O,
  Py_DECREF,
  Py_INCREF,
  Py_None,
  type PyObject,
} from "../objects/object.ts";
import { PyDict_SetItemString } from "../objects/dictobject.ts";
import { PyCFunction_New } from "../objects/methodobject.ts";
import { PyUnicode_FromString } from "../objects/unicodeobject.ts";
import { longValue, PyLong_FromNumber } from "../objects/longobject.ts";
import { PyTuple_FromArraySteal } from "../objects/tupleobject.ts";
import { str } from "../objects/objectops.ts";
import { displayWidth, segmentExpression } from "../vm/traceback.ts";
import { registerFrozenModule } from "./frozen.ts";

/**
 * _segment_shape(text): for a segment that is one expression statement, a binary operation
 * or a subscript, ('binop', end of the left operand, start of the right one) or
 * ('subscript', end of the value, end of the slice), in UTF-8 bytes as ast gives them;
 * None for anything else, or when the segment does not parse.
 */
function traceback_segment_shape(_m: PyObject, arg: PyObject): PyObject {
  const e = segmentExpression("<segment>", str(arg));
  const shape: [string, number, number] | null = e === null
    ? null
    : e._type === "BinOp"
    ? ["binop", e.left.end_col_offset, e.right.col_offset]
    : ["subscript", e.value.end_col_offset, e.slice.end_col_offset];
  if (shape === null) {
    Py_INCREF(Py_None);
    return Py_None;
  }
  return PyTuple_FromArraySteal([
    PyUnicode_FromString(shape[0]),
    PyLong_FromNumber(shape[1]),
    PyLong_FromNumber(shape[2]),
  ]);
}

/** _wide_columns(text, count): the columns of text's first count characters, wide ones two. */
function traceback_wide_columns(_m: PyObject, args: PyObject[], off: number): PyObject {
  return PyLong_FromNumber(displayWidth(str(args[off]), Number(longValue(args[off + 1]))));
}

registerFrozenModule(
  "traceback",
  String
    .raw`"""Summaries of tracebacks and stacks, and the text of exceptions, as Python prints them."""

import sys
import linecache

__all__ = ['extract_stack', 'extract_tb', 'format_exception',
           'format_exception_only', 'format_list', 'format_stack',
           'format_tb', 'print_exc', 'format_exc', 'print_exception',
           'print_last', 'print_stack', 'print_tb', 'clear_frames',
           'FrameSummary', 'StackSummary', 'TracebackException',
           'walk_stack', 'walk_tb']

# A run of identical frames (same file, line and function) is shown this many times; the
# rest of the run is counted in one line.
_REPEATS_SHOWN = 3

_CAUSE_HEADER = ("\nThe above exception was the direct cause "
                 "of the following exception:\n\n")
_CONTEXT_HEADER = ("\nDuring handling of the above exception, "
                   "another exception occurred:\n\n")


class _Missing:
    """The default of the value and tb parameters: distinct from None, which is a value."""
    def __repr__(self):
        return '<implicit>'

_MISSING = _Missing()


def _exception_and_traceback(exc, value, tb):
    # The functions take an exception alone, or the old (type, value, traceback) triple.
    if value is _MISSING and tb is _MISSING:
        if exc is None:
            return None, None
        if not isinstance(exc, BaseException):
            raise TypeError(f'Exception expected for value, {type(exc).__name__} found')
        return exc, exc.__traceback__
    if value is _MISSING or tb is _MISSING:
        raise ValueError("Both or neither of value and tb must be given")
    return value, tb


def _text_of(obj, what, convert=str):
    try:
        return convert(obj)
    except:
        return f'<{what} {convert.__name__}() failed>'


def _output(file):
    return sys.stderr if file is None else file


# ---- printing and formatting -------------------------------------------------------------

def print_exception(exc, /, value=_MISSING, tb=_MISSING, limit=None, file=None, chain=True):
    """Prints the exception, its traceback and its chain, as the interpreter reports an
    uncaught one, to file (default sys.stderr)."""
    value, tb = _exception_and_traceback(exc, value, tb)
    report = TracebackException(type(value), value, tb, limit=limit, compact=True)
    report.print(file=file, chain=chain)


def format_exception(exc, /, value=_MISSING, tb=_MISSING, limit=None, chain=True):
    """The text print_exception prints, as a list of strings that each end in a newline
    (some hold several lines)."""
    value, tb = _exception_and_traceback(exc, value, tb)
    report = TracebackException(type(value), value, tb, limit=limit, compact=True)
    return list(report.format(chain=chain))


def format_exception_only(exc, /, value=_MISSING):
    """The last part of the report: the exception's type and message (with a SyntaxError's
    location), then its notes."""
    if value is _MISSING:
        value = exc
    report = TracebackException(type(value), value, None, compact=True)
    return list(report.format_exception_only())


def print_exc(limit=None, file=None, chain=True):
    """print_exception for the exception being handled."""
    kind, value, tb = sys.exc_info()
    print_exception(kind, value, tb, limit=limit, file=file, chain=chain)


def format_exc(limit=None, chain=True):
    """The text print_exc prints, as one string."""
    chunks = format_exception(*sys.exc_info(), limit=limit, chain=chain)
    return "".join(chunks)


def print_last(limit=None, file=None, chain=True):
    """print_exception for the last uncaught exception (sys.last_type and the others)."""
    uncaught = hasattr(sys, "last_type")
    if not uncaught:
        raise ValueError("no last exception")
    last = (sys.last_type, sys.last_value, sys.last_traceback)
    print_exception(*last, limit=limit, file=file, chain=chain)


def print_list(extracted_list, file=None):
    """Prints what extract_tb or extract_stack gave (or tuples like them)."""
    for chunk in StackSummary.from_list(extracted_list).format():
        print(chunk, file=_output(file), end="")


def format_list(extracted_list):
    """The strings print_list prints, one a frame."""
    return StackSummary.from_list(extracted_list).format()


def print_tb(tb, limit=None, file=None):
    """Prints the frames of a traceback, oldest first."""
    print_list(extract_tb(tb, limit), file)


def format_tb(tb, limit=None):
    """The strings print_tb prints, one a frame."""
    return extract_tb(tb, limit).format()


def print_stack(f=None, limit=None, file=None):
    """Prints the stack from the oldest frame to f (default: the caller)."""
    print_list(extract_stack(f if f is not None else sys._getframe(1), limit=limit),
               file=file)


def format_stack(f=None, limit=None):
    """The strings print_stack prints, one a frame."""
    return format_list(extract_stack(f if f is not None else sys._getframe(1), limit=limit))


# ---- walking and extracting --------------------------------------------------------------

def walk_tb(tb):
    """(frame, line number) for each entry of a traceback, oldest first."""
    entry = tb
    while entry is not None:
        yield entry.tb_frame, entry.tb_lineno
        entry = entry.tb_next


def walk_stack(f):
    """(frame, line number) from frame f out to the oldest. Without f, Python's module starts
    four frames out from this generator's own (three out from the frame iterating it)."""
    if f is None:
        f = sys._getframe()
        for _ in range(4):
            f = f.f_back
    frame = f
    while frame is not None:
        yield frame, frame.f_lineno
        frame = frame.f_back


def extract_tb(tb, limit=None):
    """A StackSummary of a traceback's frames, with the columns of each frame's position."""
    return StackSummary._from_positions(_tb_positions(tb), limit)


def extract_stack(f=None, limit=None):
    """A StackSummary of the stack from the oldest frame to f (default: the caller)."""
    frames = StackSummary.extract(walk_stack(f if f is not None else sys._getframe(1)),
                                  limit=limit)
    frames.reverse()
    return frames


def clear_frames(tb):
    """Clears the locals of every frame of a traceback (those still running are skipped)."""
    for frame, _ in walk_tb(tb):
        try:
            frame.clear()
        except RuntimeError:
            pass  # the frame is still running


def _tb_positions(tb):
    # (frame, (line, end line, column, end column)) for each entry, from the instruction it
    # stopped at; a position without a line takes the traceback's.
    while tb is not None:
        where = (None, None, None, None)
        if tb.tb_lasti >= 0:
            for n, where in enumerate(tb.tb_frame.f_code.co_positions()):
                if n == tb.tb_lasti // 2:
                    break
        if where[0] is None:
            where = (tb.tb_lineno,) + tuple(where[1:])
        yield tb.tb_frame, where
        tb = tb.tb_next


# ---- frames ------------------------------------------------------------------------------

class FrameSummary:
    """One frame of a traceback or stack: where it was (file, line, columns), the function's
    name, the source line (read when first asked) and, when captured, the locals' reprs.
    It also reads as the tuple (filename, lineno, name, line)."""

    __slots__ = ('filename', 'lineno', 'end_lineno', 'colno', 'end_colno',
                 'name', '_line', 'locals')

    def __init__(self, filename, lineno, name, *, lookup_line=True,
                 locals=None, line=None, end_lineno=None, colno=None, end_colno=None):
        self.filename, self.lineno, self.name = filename, lineno, name
        self.end_lineno, self.colno, self.end_colno = end_lineno, colno, end_colno
        self._line = line
        self.locals = {key: _text_of(v, 'local', repr)
                       for key, v in locals.items()} if locals else None
        if lookup_line:
            self.line

    @property
    def line(self):
        """The source line without its indentation and newline (read when first asked)."""
        if self._line is None and self.lineno is not None:
            self._line = linecache.getline(self.filename, self.lineno)
        return None if self._line is None else self._line.strip()

    @property
    def _original_line(self):
        # the line as read, indentation and newline included
        self.line
        return self._line

    def _as_tuple(self):
        return (self.filename, self.lineno, self.name, self.line)

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return self._as_tuple() == other._as_tuple() and self.locals == other.locals
        if isinstance(other, tuple):
            return self._as_tuple() == other
        return NotImplemented

    def __getitem__(self, pos):
        return self._as_tuple()[pos]

    def __iter__(self):
        return iter(self._as_tuple())

    def __len__(self):
        return 4

    def __repr__(self):
        return f"<FrameSummary file {self.filename}, line {self.lineno} in {self.name}>"


def _char_offset(text, byte_offset):
    return len(text.encode('utf-8')[:byte_offset].decode('utf-8', errors='replace'))


def _caret_anchors(segment):
    # (end of the first primary part, start of the last one) within the segment, in
    # characters: a binary operation's operator, or a subscript's brackets, marked apart
    shape = _segment_shape(segment)
    if shape is None:
        return None
    kind, first, second = shape
    if kind == 'binop':
        # first and second are UTF-8 offsets; Python's module walks the characters from
        # the byte offset, which only agree on ASCII text, and glasspy does the same
        between = segment[_char_offset(segment, first):_char_offset(segment, second)]
        blank = len(between) - len(between.lstrip())
        start = first + blank
        width = 2 if blank + 1 < len(between) and not between[blank + 1].isspace() else 1
        while start < len(segment) and (segment[start].isspace() or segment[start] in ')#'):
            start += 1
        return (_char_offset(segment, start), _char_offset(segment, start + width))
    start = _char_offset(segment, first)
    end = _char_offset(segment, second + 1)
    while start < len(segment) and segment[start] != '[':
        start += 1
    while end < len(segment) and segment[end] != ']':
        end += 1
    if end < len(segment):
        end += 1
    return (start, end)


def _columns(text, count):
    # The terminal columns of text's first count characters, wide ones taking two. An
    # ASCII text answers count itself, even past its end, as Python's module does.
    return count if text.isascii() else _wide_columns(text, count)


def _caret_row(summary):
    # The markers under a frame's source line, or '' when they would only mark all of it.
    if summary.colno is None or summary.end_colno is None:
        return ''
    original = summary._original_line
    text = summary.line
    # The margin is measured against the line as read, newline and trailing blanks
    # included, so on a line with trailing blanks the markers sit that much to the left.
    margin = len(original) - len(text)
    first = _char_offset(original, summary.colno)
    last = _char_offset(original, summary.end_colno)
    segment = original[first:last]
    anchors = None
    if summary.lineno == summary.end_lineno:
        try:
            anchors = _caret_anchors(segment)
        except Exception:
            anchors = None
    else:
        last = len(original.rstrip())
    marked_apart = anchors is not None and anchors[1] > anchors[0]
    if last - first >= len(text) and not marked_apart:
        return ''
    start_column = _columns(original, first) + 1
    width = _columns(original, last) + 1 - start_column
    if anchors is None:
        marks = '^' * width
    else:
        left = _columns(segment, anchors[0])
        right = _columns(segment, anchors[1])
        marks = '~' * left + '^' * (right - left) + '~' * (width - right)
    return '    ' + ' ' * (start_column - margin) + marks + '\n'


class StackSummary(list):
    """A list of FrameSummary objects, oldest first, that formats itself."""

    @classmethod
    def extract(klass, frame_gen, *, limit=None, lookup_lines=True, capture_locals=False):
        """The summaries of (frame, line number) pairs, as walk_tb and walk_stack give."""
        def positioned():
            for frame, lineno in frame_gen:
                yield frame, (lineno, None, None, None)
        return klass._from_positions(positioned(), limit, lookup_lines, capture_locals)

    @classmethod
    def _from_positions(klass, pairs, limit=None, lookup_lines=True, capture_locals=False):
        # limit >= 0 keeps the first frames, a negative one the last; None reads
        # sys.tracebacklimit. The pairs are drawn by this frame itself: walk_stack(None)
        # counts the frames between it and its caller, as Python's module does.
        if limit is None and hasattr(sys, 'tracebacklimit'):
            limit = sys.tracebacklimit
            if limit is not None and limit < 0:
                limit = 0
        taken = []
        if limit != 0:
            for pair in pairs:
                taken.append(pair)
                if limit is not None and 0 < limit == len(taken):
                    break
        if limit is not None and limit < 0:
            taken = taken[limit:]
        summary = klass()
        files = set()
        for frame, (lineno, end_lineno, colno, end_colno) in taken:
            code = frame.f_code
            files.add(code.co_filename)
            linecache.lazycache(code.co_filename, frame.f_globals)
            summary.append(FrameSummary(
                code.co_filename, lineno, code.co_name, lookup_line=False,
                locals=frame.f_locals if capture_locals else None,
                end_lineno=end_lineno, colno=colno, end_colno=end_colno))
        for filename in files:
            linecache.checkcache(filename)
        if lookup_lines:
            for frame_summary in summary:
                frame_summary.line
        return summary

    @classmethod
    def from_list(klass, a_list):
        """A StackSummary of FrameSummary objects or (filename, lineno, name, line) tuples."""
        summary = klass()
        for item in a_list:
            if isinstance(item, FrameSummary):
                summary.append(item)
            else:
                filename, lineno, name, line = item
                summary.append(FrameSummary(filename, lineno, name, line=line))
        return summary

    def format_frame_summary(self, frame_summary):
        """One frame's text: its place, its source line with carets, its locals."""
        text = f'  File "{frame_summary.filename}", line {frame_summary.lineno}, in {frame_summary.name}\n'
        if frame_summary.line:
            text += f'    {frame_summary.line}\n' + _caret_row(frame_summary)
        for name, value in sorted((frame_summary.locals or {}).items()):
            text += f'    {name} = {value}\n'
        return text

    def format(self):
        """One string a frame; a frame repeated more than three times in a row is shown
        three times and the rest counted."""
        chunks = []
        previous = None
        repeats = 0
        for frame_summary in self:
            text = self.format_frame_summary(frame_summary)
            if text is None:
                continue
            place = (frame_summary.filename, frame_summary.lineno, frame_summary.name)
            if previous is None or None in previous or place != previous:
                chunks.extend(_repeated(repeats))
                previous = place
                repeats = 0
            repeats += 1
            if repeats <= _REPEATS_SHOWN:
                chunks.append(text)
        chunks.extend(_repeated(repeats))
        return chunks


def _repeated(count):
    hidden = count - _REPEATS_SHOWN
    if hidden <= 0:
        return []
    return [f'  [Previous line repeated {hidden} more time{"s" if hidden > 1 else ""}]\n']


# ---- exceptions --------------------------------------------------------------------------

class TracebackException:
    """An exception made ready for formatting: its type, its text, the summary of its
    traceback, its notes, and the same for its cause, context and (for an exception group)
    its members, taken when it is made, so that nothing of the exception is kept alive."""

    def __init__(self, exc_type, exc_value, exc_traceback, *,
                 limit=None, lookup_lines=True, capture_locals=False,
                 compact=False, max_group_width=15, max_group_depth=10,
                 _seen=None):
        self.max_group_width = max_group_width
        self.max_group_depth = max_group_depth
        seen = set() if _seen is None else _seen
        seen.add(id(exc_value))
        self.stack = StackSummary._from_positions(
            _tb_positions(exc_traceback), limit, lookup_lines, capture_locals)
        self.exc_type = exc_type
        self._str = _text_of(exc_value, 'exception')
        self.__notes__ = getattr(exc_value, '__notes__', None)
        if exc_type is not None and issubclass(exc_type, SyntaxError):
            # where the error is, line numbers as text
            for field in ('filename', 'lineno', 'end_lineno', 'text', 'offset',
                          'end_offset', 'msg'):
                setattr(self, field, getattr(exc_value, field))
            if self.lineno is not None:
                self.lineno = str(self.lineno)
            if self.end_lineno is not None:
                self.end_lineno = str(self.end_lineno)
        self.__suppress_context__ = (
            exc_value.__suppress_context__ if exc_value is not None else False)
        # The relatives (cause, context, group members) are summarized by the outermost
        # summary, last found first, each exception at most once (by identity): the ones a
        # summary made for its relatives leave theirs to it, so a long chain needs no deep
        # recursion, and which summary gets a shared exception is Python's module's choice.
        if _seen is not None:
            return
        options = dict(limit=limit, lookup_lines=lookup_lines,
                       capture_locals=capture_locals,
                       max_group_width=max_group_width, max_group_depth=max_group_depth)
        waiting = [(self, exc_value)]
        while waiting:
            summary, exc = waiting.pop()
            waiting.extend(summary._link_relatives(exc, seen, compact, options))

    def _link_relatives(self, exc, seen, compact, options):
        # Sets this summary's __cause__, __context__ and exceptions from exc's, and returns
        # them with their exceptions, to be linked in turn.
        def summarized(value):
            return TracebackException(type(value), value, value.__traceback__,
                                      _seen=seen, **options)

        cause = exc.__cause__ if exc else None
        self.__cause__ = None if cause is None or id(cause) in seen else summarized(cause)
        wanted = not compact or (self.__cause__ is None and exc is not None
                                 and not exc.__suppress_context__)
        context = exc.__context__ if exc and wanted else None
        self.__context__ = (None if context is None or id(context) in seen
                            else summarized(context))
        if exc and isinstance(exc, BaseExceptionGroup):
            self.exceptions = [summarized(member) for member in exc.exceptions]
        else:
            self.exceptions = None
        found = []
        if self.__cause__:
            found.append((self.__cause__, cause))
        if self.__context__:
            found.append((self.__context__, context))
        if self.exceptions:
            found.extend(zip(self.exceptions, exc.exceptions))
        return found

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        """A TracebackException of an exception and its own traceback."""
        tb = exc.__traceback__
        return cls(type(exc), exc, tb, *args, **kwargs)

    def __str__(self):
        return self._str

    def __eq__(self, other):
        if not isinstance(other, TracebackException):
            return NotImplemented
        return self.__dict__ == other.__dict__

    def _type_name(self):
        name = self.exc_type.__qualname__
        module = self.exc_type.__module__
        if module in ("__main__", "builtins"):
            return name
        return f'{module if isinstance(module, str) else "<unknown>"}.{name}'

    def format_exception_only(self):
        """The exception's last lines: type and message (with a SyntaxError's location),
        then its notes, one line a string."""
        if self.exc_type is None:
            yield _message_line(None, self._str)
            return
        if issubclass(self.exc_type, SyntaxError):
            yield from self._syntax_error_lines(self._type_name())
        else:
            yield _message_line(self._type_name(), self._str)
        notes = self.__notes__
        if notes is None:
            return
        if isinstance(notes, (list, tuple)) or _is_sequence(notes):
            for note in notes:
                for line in _text_of(note, 'note').split('\n'):
                    yield line + '\n'
        else:
            yield _text_of(notes, '__notes__', repr)

    def _syntax_error_lines(self, type_name):
        where = ''
        if self.lineno is not None:
            yield f'  File "{self.filename or "<string>"}", line {self.lineno}\n'
        elif self.filename is not None:
            where = f' ({self.filename})'
        if self.text is not None:
            line = self.text.rstrip('\n')
            code = line.lstrip(' \n\f')
            indent = len(line) - len(code)
            yield f'    {code}\n'
            if self.offset is not None:
                start = self.offset
                end = start if self.end_offset in (None, 0) else self.end_offset
                if end == start or end == -1:
                    end = start + 1
                column = start - 1 - indent
                if column >= 0:
                    # tabs and other blanks before the carets are kept, to stay aligned
                    lead = ''.join(c if c.isspace() else ' ' for c in code[:column])
                    yield f'    {lead}{"^" * (end - 1 - indent - column)}\n'
        yield f'{type_name}: {self.msg or "<no detail available>"}{where}\n'

    def format(self, *, chain=True, _ctx=None):
        """The whole report, oldest exception of the chain first, as strings."""
        if _ctx is None:
            _ctx = _GroupLayout()
        links = []
        exc = self
        while exc is not None:
            if not chain:
                links.append((None, exc))
                break
            if exc.__cause__ is not None:
                header, following = _CAUSE_HEADER, exc.__cause__
            elif exc.__context__ is not None and not exc.__suppress_context__:
                header, following = _CONTEXT_HEADER, exc.__context__
            else:
                header, following = None, None
            links.append((header, exc))
            exc = following
        for header, exc in reversed(links):
            if header is not None:
                yield from _ctx.lines(header)
            if exc.exceptions is None:
                if exc.stack:
                    yield from _ctx.lines('Traceback (most recent call last):\n')
                    yield from _ctx.lines(exc.stack.format())
                yield from _ctx.lines(exc.format_exception_only())
            elif _ctx.depth > self.max_group_depth:
                yield from _ctx.lines(f'... (max_group_depth is {self.max_group_depth})\n')
            else:
                yield from exc._format_group(chain, _ctx)

    def _format_group(self, chain, layout):
        outermost = layout.depth == 0
        if outermost:
            layout.depth = 1
        if self.stack:
            yield from layout.lines('Exception Group Traceback (most recent call last):\n',
                                    '+' if outermost else None)
            yield from layout.lines(self.stack.format())
        yield from layout.lines(self.format_exception_only())
        total = len(self.exceptions)
        shown = total if total <= self.max_group_width else self.max_group_width + 1
        layout.close_pending = False
        for i in range(shown):
            final = i == shown - 1
            if final:
                layout.close_pending = True
            cut = i >= self.max_group_width
            label = '...' if cut else str(i + 1)
            yield f'{layout.indent()}{"+-" if i == 0 else "  "}+---------------- {label} ----------------\n'
            layout.depth += 1
            if cut:
                rest = total - self.max_group_width
                yield from layout.lines(f'and {rest} more exception{"s" if rest > 1 else ""}\n')
            else:
                yield from self.exceptions[i].format(chain=chain, _ctx=layout)
            if final and layout.close_pending:
                yield f'{layout.indent()}+------------------------------------\n'
                layout.close_pending = False
            layout.depth -= 1
        if outermost:
            layout.depth = 0

    def print(self, *, file=None, chain=True):
        """Prints the report to file (default sys.stderr)."""
        for chunk in self.format(chain=chain):
            print(chunk, file=_output(file), end="")


def _is_sequence(obj):
    from _collections_abc import Sequence
    return isinstance(obj, Sequence)


def _message_line(type_name, value):
    text = _text_of(value, 'exception')
    if value is None or not text:
        return f'{type_name}\n'
    return f'{type_name}: {text}\n'


class _GroupLayout:
    """Where the text of an exception group's members goes: inside a group every line gets
    the group's indentation and a '| ' margin ('+' on the outermost header); each chunk of
    text stays one chunk."""

    def __init__(self):
        self.depth = 0
        self.close_pending = False

    def indent(self):
        return ' ' * (2 * self.depth)

    def lines(self, text, margin_char=None):
        chunks = [text] if isinstance(text, str) else text
        if self.depth == 0:
            yield from chunks
            return
        prefix = self.indent() + (margin_char or '|') + ' '
        for chunk in chunks:
            yield ''.join(prefix + line for line in chunk.splitlines(keepends=True))
`,
  (d) => {
    const f = PyCFunction_New(
      { ml_name: "_segment_shape", ml_meth: traceback_segment_shape, ml_flags: METH_O },
      null,
    );
    PyDict_SetItemString(d, "_segment_shape", f);
    Py_DECREF(f);
    const g = PyCFunction_New(
      { ml_name: "_wide_columns", ml_meth: traceback_wide_columns, ml_flags: METH_FASTCALL },
      null,
    );
    PyDict_SetItemString(d, "_wide_columns", g);
    Py_DECREF(g);
  },
);
