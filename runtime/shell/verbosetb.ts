// `%xmode Verbose`: the traceback IPython 8 shows in its Verbose mode, which lists for
// each frame the values of the variables and simple expressions of the statement that was
// running. Plain and Context keep CPython's own traceback text (see magics/xmode.ts);
// Verbose is the one mode whose point is something CPython's text does not have.
//
// What a frame shows, as IPython (through its stack_data and pure_eval libraries) decides:
// - its place: `Cell In [N], line L` for a cell, `File NAME:L` otherwise, and for a
//   function `, in QUALNAME(arg=repr, *args=repr, **kw=repr)` with the argument values;
// - the source around the line: the statement "pieces" of the frame's scope (a simple
//   statement, or the header of a compound one), two before and two after (one and one for
//   the chained exceptions shown above the last), numbered, the running one marked
//   `---->`;
// - under it, `name = repr(value)` for each expression of the running statement whose
//   value can be had without running code that could change anything (names; attributes
//   held in an instance's or module's dict; subscripts, operators and comparisons of
//   built-in values; a few built-in functions such as len()), leaving out literals,
//   built-ins named by their own name, and objects named by their own __name__. They come
//   in the order of their first appearance in a breadth-first walk of the scope's tree.
//
// The formatter is Python running inside the session's VM, next to the frames it reads;
// the session gives it two functions: source_of(filename), a cell's source or None, and
// cell_number(filename), the N of a cell's file name or None.

export const VERBOSETB_MODULE = "glasspy._verbosetb";

export const VERBOSETB_SOURCE = `
import ast
import builtins

WIDTH = 75
INDENT = ' ' * 8
NUMBER_WIDTH = 7


class _Unsafe(Exception):
    """An expression whose value is not taken (it could run user code)."""


_NUMBERS = (int, float, complex, bool)
_PLAIN = _NUMBERS + (str, bytes, type(None))
_CONTAINERS = (list, tuple, dict, set, frozenset)


def _plain_value(v, deep):
    t = type(v)
    if t in _PLAIN or t is range or t is slice:
        return v
    if t in _CONTAINERS:
        if deep:
            items = list(v.items()) if t is dict else list(v)
            for item in items:
                if t is dict:
                    _plain_value(item[0], True)
                    _plain_value(item[1], True)
                else:
                    _plain_value(item, True)
        return v
    raise _Unsafe


_CALL_ANY = (slice, int, range, round, complex, list, tuple, abs, hex, bin, oct,
             bool, ord, float, len, chr)
_CALL_NONE = (set, dict, str, frozenset, bytes, bytearray, object)
_CALL_TWO = (str, divmod, bytes, bytearray, pow)
_CALL_ONE_DEEP = (sorted, min, max, hash, set, dict, ascii, str, repr, frozenset)


def _is_one_of(f, choices):
    for c in choices:
        if f is c:
            return True
    return False


class _Evaluator:
    def __init__(self, frame):
        self.scopes = (frame.f_locals, frame.f_globals, frame.f_builtins)
        self.done = {}

    def value(self, node):
        key = id(node)
        if key in self.done:
            ok, v = self.done[key]
        else:
            try:
                v = self._value(node)
                ok = True
            except Exception:
                v = None
                ok = False
            self.done[key] = (ok, v)
        if not ok:
            raise _Unsafe
        return v

    def _value(self, node):
        try:
            return ast.literal_eval(node)
        except Exception:
            pass
        if isinstance(node, ast.Name):
            for scope in self.scopes:
                if node.id in scope:
                    return scope[node.id]
            raise _Unsafe
        if isinstance(node, ast.Attribute):
            return self._attribute(self.value(node.value), node.attr)
        if isinstance(node, ast.Subscript):
            return self._subscript(node)
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            items = [self.value(e) for e in node.elts]
            if isinstance(node, ast.List):
                return items
            if isinstance(node, ast.Tuple):
                return tuple(items)
            for item in items:
                _plain_value(item, True)
            return set(items)
        if isinstance(node, ast.Dict):
            if None in node.keys:
                raise _Unsafe
            keys = [_plain_value(self.value(k), True) for k in node.keys]
            return dict(zip(keys, [self.value(v) for v in node.values]))
        if isinstance(node, ast.UnaryOp):
            operand = self.value(node.operand)
            if isinstance(node.op, ast.Not):
                return not _plain_value(operand, False)
            if type(operand) not in _NUMBERS:
                raise _Unsafe
            if isinstance(node.op, ast.USub):
                return -operand
            if isinstance(node.op, ast.UAdd):
                return +operand
            return ~operand
        if isinstance(node, ast.BinOp):
            return self._binop(node)
        if isinstance(node, ast.BoolOp):
            result = None
            for v in node.values:
                result = _plain_value(self.value(v), False)
                if isinstance(node.op, ast.And) and not result:
                    return result
                if isinstance(node.op, ast.Or) and result:
                    return result
            return result
        if isinstance(node, ast.Compare):
            return self._compare(node)
        if isinstance(node, ast.Call):
            return self._call(node)
        raise _Unsafe

    def _attribute(self, obj, name):
        # only what sits in a dict: no property, __getattr__ or descriptor runs
        if type(obj) is type(ast):
            d = obj.__dict__
            if name in d:
                return d[name]
            raise _Unsafe
        if isinstance(obj, type):
            for klass in obj.__mro__:
                d = klass.__dict__
                if name in d:
                    v = d[name]
                    if hasattr(type(v), '__get__'):
                        raise _Unsafe
                    return v
            raise _Unsafe
        for klass in type(obj).__mro__:
            if name in klass.__dict__:
                raise _Unsafe
        try:
            d = object.__getattribute__(obj, '__dict__')
        except AttributeError:
            raise _Unsafe
        if type(d) is dict and name in d:
            return d[name]
        raise _Unsafe

    def _subscript(self, node):
        obj = self.value(node.value)
        if type(obj) not in (list, tuple, str, bytes, bytearray, range, dict):
            raise _Unsafe
        index = node.slice
        if isinstance(index, ast.Slice):
            parts = [None if p is None else self.value(p) for p in (index.lower, index.upper, index.step)]
            for p in parts:
                if p is not None and type(p) is not int:
                    raise _Unsafe
            if type(obj) is dict:
                raise _Unsafe
            return obj[slice(*parts)]
        key = self.value(index)
        if type(obj) is dict:
            _plain_value(key, True)
        elif type(key) not in (int, bool):
            raise _Unsafe
        return obj[key]

    def _binop(self, node):
        left = _plain_value(self.value(node.left), False)
        right = _plain_value(self.value(node.right), False)
        op = node.op
        if isinstance(op, ast.Pow) and type(right) in _NUMBERS and abs(right) > 100:
            raise _Unsafe
        if isinstance(op, ast.Mult) and (type(left) is int and abs(left) > 10000 or
                                         type(right) is int and abs(right) > 10000):
            if not (type(left) in _NUMBERS and type(right) in _NUMBERS):
                raise _Unsafe
        if isinstance(op, ast.LShift) and type(right) is int and right > 1000:
            raise _Unsafe
        ops = {ast.Add: lambda a, b: a + b, ast.Sub: lambda a, b: a - b,
               ast.Mult: lambda a, b: a * b, ast.Div: lambda a, b: a / b,
               ast.FloorDiv: lambda a, b: a // b, ast.Mod: lambda a, b: a % b,
               ast.Pow: lambda a, b: a ** b, ast.LShift: lambda a, b: a << b,
               ast.RShift: lambda a, b: a >> b, ast.BitOr: lambda a, b: a | b,
               ast.BitXor: lambda a, b: a ^ b, ast.BitAnd: lambda a, b: a & b}
        f = ops.get(type(op))
        if f is None:
            raise _Unsafe
        return f(left, right)

    def _compare(self, node):
        left = _plain_value(self.value(node.left), True)
        for op, right_node in zip(node.ops, node.comparators):
            right = _plain_value(self.value(right_node), True)
            if isinstance(op, ast.Eq):
                ok = left == right
            elif isinstance(op, ast.NotEq):
                ok = left != right
            elif isinstance(op, ast.Lt):
                ok = left < right
            elif isinstance(op, ast.LtE):
                ok = left <= right
            elif isinstance(op, ast.Gt):
                ok = left > right
            elif isinstance(op, ast.GtE):
                ok = left >= right
            elif isinstance(op, ast.Is):
                ok = left is right
            elif isinstance(op, ast.IsNot):
                ok = left is not right
            elif isinstance(op, ast.In):
                ok = left in right
            else:
                ok = left not in right
            if not ok:
                return False
            left = right
        return True

    def _call(self, node):
        if node.keywords:
            raise _Unsafe
        f = self.value(node.func)
        args = [self.value(a) for a in node.args]
        n = len(args)
        if (_is_one_of(f, _CALL_ANY) or n == 0 and _is_one_of(f, _CALL_NONE)
                or n >= 2 and _is_one_of(f, _CALL_TWO)):
            for a in args:
                _plain_value(a, False)
            return f(*args)
        if n == 1:
            if f is id or f is type:
                return f(args[0])
            if f is all or f is any or f is sum:
                if type(args[0]) not in _CONTAINERS:
                    raise _Unsafe
                for x in args[0]:
                    _plain_value(x, False)
                return f(args[0])
            if _is_one_of(f, _CALL_ONE_DEEP):
                _plain_value(args[0], True)
                return f(args[0])
        raise _Unsafe


def _named_by_itself(node, value):
    if isinstance(node, ast.Name):
        name = node.id
        if getattr(builtins, name, _Unsafe) is value:
            return True
    elif isinstance(node, ast.Attribute):
        name = node.attr
    else:
        return False
    try:
        own = value.__name__
    except Exception:
        return False
    return type(own) is str and own.rpartition('.')[2] == name


def _interesting(node, value):
    try:
        ast.literal_eval(node)
        return False
    except Exception:
        pass
    return not _named_by_itself(node, value)


def _text(lines, node):
    """The node's source text, as it stands in the lines (offsets are UTF-8 bytes)."""
    if isinstance(node, ast.arg):
        return node.arg
    first, last = node.lineno - 1, node.end_lineno - 1
    if first == last:
        return lines[first].encode()[node.col_offset:node.end_col_offset].decode()
    parts = [lines[first].encode()[node.col_offset:].decode()]
    parts += lines[first + 1:last]
    parts.append(lines[last].encode()[:node.end_col_offset].decode())
    return '\\n'.join(parts)


def _variables(frame, scope, lines):
    """[(text, value, nodes)] for the scope's expressions whose values are safe to show."""
    evaluator = _Evaluator(frame)
    found = []
    for node in ast.walk(scope):
        if not isinstance(node, ast.expr):
            continue
        try:
            value = evaluator.value(node)
        except _Unsafe:
            continue
        if _interesting(node, value):
            found.append((node, value))
    if isinstance(scope, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
        for node in ast.walk(scope.args):
            if isinstance(node, ast.arg):
                for s in evaluator.scopes:
                    if node.arg in s:
                        found.append((node, s[node.arg]))
                        break
    groups = {}
    for node, value in found:
        key = node.arg if isinstance(node, ast.arg) else ast.unparse(node)
        if key not in groups:
            groups[key] = [_text(lines, node), value, []]
        groups[key][2].append(node)
    return list(groups.values())


def _scope_of(tree, code):
    """The tree of the code's function, lambda or class; the module for module code."""
    if code.co_name == '<module>':
        return tree
    kinds = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)
    best = None
    for node in ast.walk(tree):
        if not isinstance(node, kinds):
            continue
        first = node.lineno
        for d in getattr(node, 'decorator_list', ()):
            first = min(first, d.lineno)
        name = '<lambda>' if isinstance(node, ast.Lambda) else node.name
        if name == code.co_name and first == code.co_firstlineno:
            best = node
    return best


def _pieces(scope):
    """The line ranges [first, last] of the scope's statements and compound headers."""
    out = []

    def header(node, body):
        out.append((node.lineno, max(node.lineno, body[0].lineno - 1)))

    def walk(body):
        for stmt in body:
            blocks = [getattr(stmt, f, None) for f in ('body', 'orelse', 'finalbody')]
            if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                first = stmt.lineno
                for d in stmt.decorator_list:
                    first = min(first, d.lineno)
                out.append((first, max(stmt.lineno, stmt.body[0].lineno - 1)))
                walk(stmt.body)
            elif isinstance(stmt, ast.Match):
                out.append((stmt.lineno, max(stmt.lineno, stmt.cases[0].pattern.lineno - 1)))
                for case in stmt.cases:
                    out.append((case.pattern.lineno, max(case.pattern.lineno, case.body[0].lineno - 1)))
                    walk(case.body)
            elif blocks[0]:
                header(stmt, stmt.body)
                walk(stmt.body)
                for handler in getattr(stmt, 'handlers', ()):
                    header(handler, handler.body)
                    walk(handler.body)
                walk(stmt.orelse or [])
                walk(getattr(stmt, 'finalbody', None) or [])
            else:
                out.append((stmt.lineno, stmt.end_lineno))

    if isinstance(scope, ast.Module):
        walk(scope.body)
    elif isinstance(scope, ast.Lambda):
        out.append((scope.lineno, scope.end_lineno))
    else:
        first = scope.lineno
        for d in scope.decorator_list:
            first = min(first, d.lineno)
        out.append((first, max(scope.lineno, scope.body[0].lineno - 1)))
        walk(scope.body)
    out.sort()
    return out


def _cram(text, limit):
    if len(text) <= limit:
        return text
    head = max(0, (limit - 3) // 2)
    tail = max(0, limit - 3 - head)
    return text[:head] + '...' + text[len(text) - tail:]


def _strip_address(text):
    # '<x.Y object at 0x7f...>' -> '<x.Y object>'
    end = len(text)
    while end > 0 and text[end - 1] == '>':
        end -= 1
    if end == len(text):
        return text
    at = text.rfind(' at 0x', 0, end)
    if at < 0:
        return text
    digits = text[at + 6:end]
    if not 6 <= len(digits) <= 16 or any(c not in '0123456789abcdef' for c in digits):
        return text
    return text[:at] + text[end:]


def _sorted_if_possible(items):
    items = list(items)
    try:
        return sorted(items)
    except Exception:
        return items


class _ShortRepr:
    """The repr IPython gives argument values (pydoc's text repr): containers cut after
    20 items (dicts 10, sets 6) and 6 levels deep, long ints and texts cut in the middle,
    other objects' reprs without their address."""

    def text(self, x, level=6):
        t = type(x)
        if t is str:
            return self._str(x)
        if t is int:
            s = repr(x)
            return _cram(s, 40)
        if t is list:
            return self._items(x, level, '[', ']', 20)
        if t is tuple:
            return self._items(x, level, '(', ')', 20, ',')
        if t is set:
            return 'set()' if not x else self._items(_sorted_if_possible(x), level, '{', '}', 6)
        if t is frozenset:
            if not x:
                return 'frozenset()'
            return self._items(_sorted_if_possible(x), level, 'frozenset({', '})', 6)
        if t is dict:
            return self._dict(x, level)
        try:
            return _cram(_strip_address(repr(x)), 100)
        except Exception:
            return '<%s instance>' % type(x).__name__

    def _str(self, x):
        short = _cram(x, 100)
        r = repr(short)
        if '\\\\' in short and '\\\\' not in r.replace('\\\\\\\\', ''):
            return 'r' + r[0] + short + r[0]
        return r

    def _items(self, x, level, left, right, most, trail=''):
        n = len(x)
        if level <= 0 and n:
            inner = '...'
        else:
            pieces = [self.text(item, level - 1) for item in list(x)[:most]]
            if n > most:
                pieces.append('...')
            inner = ', '.join(pieces)
            if n == 1 and trail:
                right = trail + right
        return left + inner + right

    def _dict(self, x, level):
        if not x:
            return '{}'
        if level <= 0:
            return '{...}'
        pieces = []
        for key in _sorted_if_possible(x)[:10]:
            pieces.append(self.text(key, level - 1) + ': ' + self.text(x[key], level - 1))
        if len(x) > 10:
            pieces.append('...')
        return '{' + ', '.join(pieces) + '}'


_short = _ShortRepr()


def _arguments(frame, code):
    names = list(code.co_varnames)
    n = code.co_argcount + code.co_kwonlyargcount
    specs = []
    f_locals = frame.f_locals
    try:
        for name in names[:n]:
            specs.append(name + '=' + _short.text(f_locals[name]))
        if code.co_flags & 4:
            specs.append('*' + names[n] + '=' + _short.text(f_locals[names[n]]))
            n += 1
        if code.co_flags & 8:
            specs.append('**' + names[n] + '=' + _short.text(f_locals[names[n]]))
    except KeyError:
        return None
    return '(' + ', '.join(specs) + ')'


def _place(filename, lineno):
    cell = cell_number(filename)
    if cell is not None:
        return 'Cell In [%s], line %d' % (cell, lineno)
    return 'File %s:%d' % (filename, lineno)


def _record(tb, before, after):
    frame = tb.tb_frame
    code = frame.f_code
    lineno = tb.tb_lineno
    place = _place(code.co_filename, lineno)
    if code.co_name != '<module>':
        args = _arguments(frame, code)
        if args is None:
            place += ', in %s(***failed resolving arguments***)' % code.co_qualname
        else:
            place += ', in %s%s' % (code.co_qualname, args)
    source = source_of(code.co_filename)
    if source is None:
        return place + '\\n'
    lines = source.split('\\n')
    try:
        tree = ast.parse(source)
    except Exception:
        tree = None
    scope = None if tree is None else _scope_of(tree, code)
    if scope is None:
        if 0 < lineno <= len(lines):
            return place + '\\n' + _numbered(lineno, lines[lineno - 1], True) + '\\n'
        return place + '\\n'
    pieces = _pieces(scope)
    at = 0
    for i, (first, last) in enumerate(pieces):
        if first <= lineno:
            at = i
    shown = pieces[max(0, at - before):at + after + 1]
    running = pieces[at]
    variables = []
    for text, value, nodes in _variables(frame, scope, lines):
        for node in nodes:
            end = getattr(node, 'end_lineno', node.lineno)
            if node.lineno <= running[1] and end >= running[0]:
                variables.append((text, value))
                break
    shown_lines = [n for first, last in shown for n in range(first, last + 1)]
    indent = min((len(lines[n - 1]) - len(lines[n - 1].lstrip()) for n in shown_lines
                  if lines[n - 1].strip()), default=0)
    out = [place]
    for n in shown_lines:
        out.append(_numbered(n, lines[n - 1][indent:], n == lineno))
        if n == lineno and variables:
            out.append('\\n'.join(INDENT + '%s = %s' % (t, repr(v)) for t, v in variables))
    return '\\n'.join(out) + '\\n'


def _numbered(n, text, current):
    if current:
        pad = NUMBER_WIDTH - len(str(n))
        mark = '-' * (pad - 2) + '> ' if pad >= 2 else ('>' if pad == 1 else '')
        return '%s%d %s' % (mark, n, text)
    return '%*d %s' % (NUMBER_WIDTH, n, text)


def _one(exc, context):
    context -= 1
    after = context // 2
    before = context - after
    name = type(exc).__name__
    head = name + 'Traceback (most recent call last)'.rjust(WIDTH - len(name))
    parts = [head]
    tb = exc.__traceback__
    # the shell's own run_code frame is left out, as IPython leaves out its own
    while tb is not None and tb.tb_frame.f_code.co_filename == '<glasspy._run_code>':
        tb = tb.tb_next
    while tb is not None:
        parts.append(_record(tb, before, after))
        tb = tb.tb_next
    try:
        value = str(exc)
    except Exception:
        value = '<unprintable %s object>' % name
    parts.append('%s: %s' % (name, value))
    return parts


def format(exc):
    """The parts of exc's Verbose traceback, the chained exceptions first."""
    blocks = [_one(exc, 5)]
    seen = {id(exc)}
    while True:
        cause = exc.__cause__
        if cause is not None:
            message = '\\nThe above exception was the direct cause of the following exception:\\n'
            nxt = cause
        elif exc.__context__ is not None and not exc.__suppress_context__:
            message = '\\nDuring handling of the above exception, another exception occurred:\\n'
            nxt = exc.__context__
        else:
            break
        if id(nxt) in seen:
            break
        seen.add(id(nxt))
        blocks.append([message])
        blocks.append(_one(nxt, 3))
        exc = nxt
    parts = ['-' * WIDTH]
    for block in reversed(blocks):
        parts += block
    return parts
`;
