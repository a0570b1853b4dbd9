// The text/plain of a displayed value, as IPython's PlainTextFormatter makes it with
// IPython.lib.pretty: builtin containers broken over lines when they pass 79 columns,
// `<object at 0x...>` for objects without a repr of their own, `__main__.Box` for classes,
// `<function __main__.f(a, b=2)>` for functions, `ValueError('x')` for exceptions, and the
// `_repr_pretty_(p, cycle)` protocol. It runs as Python inside the session's VM (the
// objects it looks at are there), so this file holds its source: glasspy's own code,
// following the layout algorithm IPython uses (groups and breakables, the outermost
// group broken first).

export const PRETTY_MODULE = "glasspy._pretty";

export const PRETTY_SOURCE = `
MAX_WIDTH = 79
MAX_SEQ_LENGTH = 1000


class _Text:
    def __init__(self):
        self.parts = []
        self.width = 0

    def output(self, out, column):
        out.extend(self.parts)
        return column + self.width

    def add(self, text, width):
        self.parts.append(text)
        self.width += width


class _Breakable:
    def __init__(self, sep, width, printer):
        self.sep = sep
        self.width = width
        self.printer = printer
        self.indentation = printer.indentation
        self.group = printer.group_stack[-1]
        self.group.breakables.append(self)

    def output(self, out, column):
        self.group.breakables.pop(0)
        if self.group.want_break:
            out.append(self.printer.newline)
            out.append(" " * self.indentation)
            return self.indentation
        if not self.group.breakables:
            self.printer.queue.remove(self.group)
        out.append(self.sep)
        return column + self.width


class _Group:
    def __init__(self, depth):
        self.depth = depth
        self.breakables = []
        self.want_break = False


class _GroupQueue:
    def __init__(self, root):
        self.queue = []
        self.enq(root)

    def enq(self, group):
        while group.depth > len(self.queue) - 1:
            self.queue.append([])
        self.queue[group.depth].append(group)

    def deq(self):
        # the outermost group that can still break, the latest of its depth first
        for stack in self.queue:
            for i in range(len(stack) - 1, -1, -1):
                group = stack[i]
                if group.breakables:
                    del stack[i]
                    group.want_break = True
                    return group
            for group in stack:
                group.want_break = True
            del stack[:]
        return None

    def remove(self, group):
        stack = self.queue[group.depth]
        for i in range(len(stack)):
            if stack[i] is group:
                del stack[i]
                return


class _GroupContext:
    def __init__(self, printer, indent, open, close):
        self.printer = printer
        self.indent = indent
        self.open = open
        self.close = close

    def __enter__(self):
        self.printer.begin_group(self.indent, self.open)

    def __exit__(self, *exc):
        self.printer.end_group(self.indent, self.close)
        return False


class _IndentContext:
    def __init__(self, printer, indent):
        self.printer = printer
        self.indent = indent

    def __enter__(self):
        self.printer.indentation += self.indent

    def __exit__(self, *exc):
        self.printer.indentation -= self.indent
        return False


class RepresentationPrinter:
    def __init__(self, max_width=MAX_WIDTH, newline="\\n", max_seq_length=MAX_SEQ_LENGTH):
        self.out = []
        self.max_width = max_width
        self.newline = newline
        self.max_seq_length = max_seq_length
        self.verbose = False
        self.column = 0
        self.buffer_width = 0
        self.buffer = []
        root = _Group(0)
        self.group_stack = [root]
        self.queue = _GroupQueue(root)
        self.indentation = 0
        self.stack = []

    # -- layout --

    def _break_one_group(self, group):
        while group.breakables:
            x = self.buffer.pop(0)
            self.column = x.output(self.out, self.column)
            self.buffer_width -= x.width
        while self.buffer and isinstance(self.buffer[0], _Text):
            x = self.buffer.pop(0)
            self.column = x.output(self.out, self.column)
            self.buffer_width -= x.width

    def _break_outer_groups(self):
        while self.max_width < self.column + self.buffer_width:
            group = self.queue.deq()
            if not group:
                return
            self._break_one_group(group)

    def text(self, obj):
        width = len(obj)
        if self.buffer:
            last = self.buffer[-1]
            if not isinstance(last, _Text):
                last = _Text()
                self.buffer.append(last)
            last.add(obj, width)
            self.buffer_width += width
            self._break_outer_groups()
        else:
            self.out.append(obj)
            self.column += width

    def breakable(self, sep=" "):
        width = len(sep)
        group = self.group_stack[-1]
        if group.want_break:
            self.flush()
            self.out.append(self.newline)
            self.out.append(" " * self.indentation)
            self.column = self.indentation
            self.buffer_width = 0
        else:
            self.buffer.append(_Breakable(sep, width, self))
            self.buffer_width += width
            self._break_outer_groups()

    def break_(self):
        group = self.queue.deq()
        if group:
            self._break_one_group(group)
        self.flush()
        self.out.append(self.newline)
        self.out.append(" " * self.indentation)
        self.column = self.indentation
        self.buffer_width = 0

    def begin_group(self, indent=0, open=""):
        if open:
            self.text(open)
        group = _Group(self.group_stack[-1].depth + 1)
        self.group_stack.append(group)
        self.queue.enq(group)
        self.indentation += indent

    def end_group(self, dedent=0, close=""):
        self.indentation -= dedent
        group = self.group_stack.pop()
        if not group.breakables:
            self.queue.remove(group)
        if close:
            self.text(close)

    def group(self, indent=0, open="", close=""):
        return _GroupContext(self, indent, open, close)

    def indent(self, indent):
        return _IndentContext(self, indent)

    def flush(self):
        for data in self.buffer:
            self.column += data.output(self.out, self.column)
        self.buffer.clear()
        self.buffer_width = 0

    def _items(self, seq):
        """The items to show (at most max_seq_length), and whether some were left out."""
        items = []
        for x in seq:
            if self.max_seq_length and len(items) >= self.max_seq_length:
                return items, True
            items.append(x)
        return items, False

    def _more(self):
        self.text(",")
        self.breakable()
        self.text("...")

    # -- objects --

    def pretty(self, obj):
        oid = id(obj)
        cycle = oid in self.stack
        self.stack.append(oid)
        self.begin_group()
        try:
            if obj is None or obj is True or obj is False or obj is Ellipsis or obj is NotImplemented:
                return _repr_pprint(obj, self, cycle)
            cls = getattr(obj, "__class__", None) or type(obj)
            for c in cls.__mro__:
                printer = _printer_for(c)
                if printer is not None:
                    return printer(obj, self, cycle)
                d = c.__dict__
                if "_repr_pretty_" in d:
                    meth = c._repr_pretty_
                    if callable(meth):
                        return meth(obj, self, cycle)
                if c is not object and callable(d.get("__repr__")):
                    return _repr_pprint(obj, self, cycle)
            return _default_pprint(obj, self, cycle)
        finally:
            self.end_group()
            self.stack.pop()


def _default_pprint(obj, p, cycle):
    klass = getattr(obj, "__class__", None) or type(obj)
    if getattr(klass, "__repr__", None) is not object.__repr__:
        _repr_pprint(obj, p, cycle)
        return
    p.begin_group(1, "<")
    p.pretty(klass)
    p.text(" at 0x%x" % id(obj))
    if cycle:
        p.text(" ...")
    p.end_group(1, ">")


def _seq_printer(start, end):
    def inner(obj, p, cycle):
        if cycle:
            return p.text(start + "..." + end)
        step = len(start)
        p.begin_group(step, start)
        items, more = p._items(obj)
        for idx, x in enumerate(items):
            if idx:
                p.text(",")
                p.breakable()
            p.pretty(x)
        if more:
            p._more()
        if len(obj) == 1 and isinstance(obj, tuple):
            p.text(",")
        p.end_group(step, end)
    return inner


def _sorted_for_pprint(items):
    items = list(items)
    try:
        return sorted(items)
    except Exception:
        try:
            return sorted(items, key=str)
        except Exception:
            return items


def _set_printer(start, end):
    def inner(obj, p, cycle):
        if cycle:
            return p.text(start + "..." + end)
        if len(obj) == 0:
            p.text(type(obj).__name__ + "()")
            return
        step = len(start)
        p.begin_group(step, start)
        if not (p.max_seq_length and len(obj) >= p.max_seq_length):
            items = _sorted_for_pprint(obj)
        else:
            items = obj
        items, more = p._items(items)
        for idx, x in enumerate(items):
            if idx:
                p.text(",")
                p.breakable()
            p.pretty(x)
        if more:
            p._more()
        p.end_group(step, end)
    return inner


def _dict_printer(start, end):
    def inner(obj, p, cycle):
        if cycle:
            return p.text("{...}")
        step = len(start)
        p.begin_group(step, start)
        keys, more = p._items(obj.keys())
        for idx, key in enumerate(keys):
            if idx:
                p.text(",")
                p.breakable()
            p.pretty(key)
            p.text(": ")
            p.pretty(obj[key])
        if more:
            p._more()
        p.end_group(step, end)
    return inner


def _type_pprint(obj, p, cycle):
    overrides = [m for m in type(obj).__mro__ if "__repr__" in m.__dict__]
    if overrides[:1] != [type]:
        _repr_pprint(obj, p, cycle)
        return
    mod = getattr(obj, "__module__", None)
    name = getattr(obj, "__qualname__", None)
    if not isinstance(name, str):
        name = getattr(obj, "__name__", "<unknown type>")
    if mod in (None, "__builtin__", "builtins", "exceptions"):
        p.text(name)
    else:
        p.text(mod + "." + name)


def _repr_pprint(obj, p, cycle):
    lines = repr(obj).splitlines()
    p.begin_group()
    for idx, line in enumerate(lines):
        if idx:
            p.break_()
        p.text(line)
    p.end_group()


def _signature(fn):
    code = getattr(fn, "__code__", None)
    if code is None:
        text = getattr(fn, "__text_signature__", None)
        if not isinstance(text, str):
            return None
        # inspect drops the leading $module or $self, and a "/" that only it stood before
        for first in ("$module", "$self", "$type"):
            text = text.replace("(" + first + ", ", "(").replace("(" + first + ")", "()")
        return text.replace("(/, ", "(").replace("(/)", "()")
    names = code.co_varnames
    npos = code.co_argcount
    nposonly = code.co_posonlyargcount
    nkw = code.co_kwonlyargcount
    defaults = fn.__defaults__ or ()
    kwdefaults = fn.__kwdefaults__ or {}
    annotations = getattr(fn, "__annotations__", None) or {}
    parts = []
    first_default = npos - len(defaults)

    def one(name, default, has_default):
        text = name
        if name in annotations:
            text += ": " + _annotation(annotations[name])
            if has_default:
                text += " = " + repr(default)
        elif has_default:
            text += "=" + repr(default)
        return text

    for i in range(npos):
        name = names[i]
        if i >= first_default:
            parts.append(one(name, defaults[i - first_default], True))
        else:
            parts.append(one(name, None, False))
        if nposonly and i == nposonly - 1:
            parts.append("/")
    index = npos + nkw
    if code.co_flags & 0x04:
        star = names[index]
        parts.append("*" + one(star, None, False))
        index += 1
    elif nkw:
        parts.append("*")
    for i in range(npos, npos + nkw):
        name = names[i]
        if name in kwdefaults:
            parts.append(one(name, kwdefaults[name], True))
        else:
            parts.append(one(name, None, False))
    if code.co_flags & 0x08:
        parts.append("**" + one(names[index], None, False))
    text = "(" + ", ".join(parts) + ")"
    if "return" in annotations:
        text += " -> " + _annotation(annotations["return"])
    return text


def _annotation(value):
    if isinstance(value, type):
        if value.__module__ == "builtins":
            return value.__qualname__
        return value.__module__ + "." + value.__qualname__
    return repr(value)


def _function_pprint(obj, p, cycle):
    name = getattr(obj, "__qualname__", None) or obj.__name__
    mod = getattr(obj, "__module__", None)
    if mod and mod not in ("__builtin__", "builtins", "exceptions"):
        name = mod + "." + name
    try:
        signature = _signature(obj)
    except Exception:
        signature = None
    p.text("<function %s>" % (name + signature if signature is not None else name))


class CallExpression:
    def __init__(self, name, args, kwargs):
        self.name = name
        self.args = args
        self.kwargs = kwargs

    def _repr_pretty_(self, p, cycle):
        started = [False]

        def new_item():
            if started[0]:
                p.text(",")
                p.breakable()
            started[0] = True

        prefix = self.name + "("
        p.begin_group(len(prefix), prefix)
        for arg in self.args:
            new_item()
            p.pretty(arg)
        for arg_name in self.kwargs:
            new_item()
            arg_prefix = arg_name + "="
            p.begin_group(len(arg_prefix), arg_prefix)
            p.pretty(self.kwargs[arg_name])
            p.end_group(len(arg_prefix))
        p.end_group(len(prefix), ")")


def _exception_pprint(obj, p, cycle):
    cls = obj.__class__
    name = getattr(cls, "__qualname__", cls.__name__)
    if cls.__module__ not in ("exceptions", "builtins"):
        name = cls.__module__ + "." + name
    p.pretty(CallExpression(name, getattr(obj, "args", ()), {}))


def _super_pprint(obj, p, cycle):
    p.begin_group(8, "<super: ")
    p.pretty(obj.__thisclass__)
    p.text(",")
    p.breakable()
    p.pretty(obj.__self__)
    p.end_group(8, ">")


def _function_example():
    pass


class _MethodExample:
    def method(self):
        pass


_PRINTERS = [
    (int, _repr_pprint),
    (float, _repr_pprint),
    (str, _repr_pprint),
    (tuple, _seq_printer("(", ")")),
    (list, _seq_printer("[", "]")),
    (dict, _dict_printer("{", "}")),
    (set, _set_printer("{", "}")),
    (frozenset, _set_printer("frozenset({", "})")),
    (super, _super_pprint),
    (type, _type_pprint),
    (type(_function_example), _function_pprint),
    (type(len), _function_pprint),
    (type(_MethodExample().method), _repr_pprint),
    (BaseException, _exception_pprint),
    (type(type.__dict__), _dict_printer("mappingproxy({", "})")),
    (slice, _repr_pprint),
    (range, _repr_pprint),
    (bytes, _repr_pprint),
]


def _printer_for(cls):
    for known, printer in _PRINTERS:
        if cls is known:
            return printer
    return None


def _drop_first(text):
    if text is None or not text.startswith("("):
        return text
    inner = text[1:]
    comma = inner.find(", ")
    close = inner.find(")")
    if comma != -1 and comma < close:
        return "(" + inner[comma + 2:]
    return "(" + inner[close:]


def signature(obj):
    """The signature inspect would print for a callable, or None."""
    try:
        if isinstance(obj, type):
            init = getattr(obj, "__init__", None)
            if init is None or init is object.__init__:
                return "()"
            return _drop_first(_signature(init))
        if hasattr(obj, "__func__"):
            return _drop_first(_signature(obj.__func__))
        if callable(obj):
            return _signature(obj)
    except Exception:
        return None
    return None


def pretty(obj):
    p = RepresentationPrinter()
    p.pretty(obj)
    p.flush()
    return "".join(p.out)
`;
