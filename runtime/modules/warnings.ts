// The warnings module (Lib/warnings.py's interface over Python/_warnings.c's behaviour),
// written for glasspy: warn() finds the warning's place stacklevel frames up, runs it
// through the filters (CPython 3.11's defaults: DeprecationWarning shown only for
// __main__; Pending, Import and Resource warnings ignored), remembers what was shown in
// the module's __warningregistry__, and writes "file:line: Category: message" and the
// source line to sys.stderr. glasspy has no re module: a filter's message matches text
// that begins with it (ignoring case) and its module pattern must equal the module name,
// which is what patterns without special characters mean.

import { METH_FASTCALL, Py_DECREF, PyObject } from "../objects/object.ts";
import { PyDict_SetItemString } from "../objects/dictobject.ts";
import { PyCFunction_New } from "../objects/methodobject.ts";
import { PyUnicode_FromString } from "../objects/unicodeobject.ts";
import { longValue } from "../objects/longobject.ts";
import { str } from "../objects/objectops.ts";
import { sourceLine } from "../vm/traceback.ts";
import { registerFrozenModule } from "./frozen.ts";

/** _getline(filename, lineno): the source line ('' when unknown), as linecache gives it. */
function warnings_getline(_m: PyObject, args: PyObject[], off: number, nargs: number) {
  if (nargs !== 2) return PyUnicode_FromString("");
  const line = sourceLine(str(args[off]), Number(longValue(args[off + 1])));
  return PyUnicode_FromString(line === null ? "" : line + "\n");
}

registerFrozenModule(
  "warnings",
  String.raw`"""Issuing warning messages and controlling which are shown."""

import sys

__all__ = ["warn", "warn_explicit", "showwarning", "formatwarning", "filterwarnings",
           "simplefilter", "resetwarnings", "catch_warnings"]

_ACTIONS = ("error", "ignore", "always", "default", "module", "once")

filters = [
    ('default', None, DeprecationWarning, '__main__', 0),
    ('ignore', None, DeprecationWarning, None, 0),
    ('ignore', None, PendingDeprecationWarning, None, 0),
    ('ignore', None, ImportWarning, None, 0),
    ('ignore', None, ResourceWarning, None, 0),
]
defaultaction = 'default'
onceregistry = {}
# bumped whenever the filters change: registries made under older filters are stale
_state = {'version': 1}


def _filters_mutated():
    _state['version'] += 1


class _Pattern:
    """What a filter's message or module pattern matches here: text starting with the
    message (any case), a module name equal to the module pattern."""

    def __init__(self, text, whole):
        self.pattern, self._whole = text, whole

    def match(self, text):
        if self._whole:
            return text == self.pattern
        return text.lower().startswith(self.pattern.lower())

    def __repr__(self):
        return f're.compile({self.pattern!r})'


def formatwarning(message, category, filename, lineno, line=None):
    """The text showwarning writes: 'file:line: Category: message' and the source line."""
    text = f"{filename}:{lineno}: {category.__name__}: {message}\n"
    if line is None:
        line = _getline(filename, lineno)
    if line:
        text += f"  {line.strip()}\n"
    return text


def _showwarnmsg_impl(msg):
    target = msg.file if msg.file is not None else sys.stderr
    if target is None:
        return
    text = formatwarning(msg.message, msg.category, msg.filename, msg.lineno, msg.line)
    if msg.source is not None:
        # glasspy has no tracemalloc: CPython says this when it is not tracing
        text += (f"{msg.category.__name__}: Enable tracemalloc to get the object "
                 "allocation traceback\n")
    try:
        target.write(text)
    except OSError:
        pass


def showwarning(message, category, filename, lineno, file=None, line=None):
    """Write a warning to file (sys.stderr by default)."""
    _showwarnmsg_impl(WarningMessage(message, category, filename, lineno, file, line))


_showwarning_orig = showwarning


def _showwarnmsg(msg):
    # a replaced showwarning is called as such; otherwise the message is written
    if showwarning is not _showwarning_orig:
        if not callable(showwarning):
            raise TypeError("warnings.showwarning() must be set to a function or method")
        showwarning(msg.message, msg.category, msg.filename, msg.lineno, msg.file, msg.line)
        return
    _showwarnmsg_impl(msg)


def _check_filter(action, category, lineno):
    if action not in _ACTIONS:
        raise AssertionError(f"invalid action: {action!r}")
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise AssertionError("category must be a Warning subclass")
    if not (isinstance(lineno, int) and lineno >= 0):
        raise AssertionError("lineno must be an int >= 0")


def _add_filter(item, append):
    if not append:
        if item in filters:
            filters.remove(item)
        filters.insert(0, item)
    elif item not in filters:
        filters.append(item)
    _filters_mutated()


def filterwarnings(action, message="", category=Warning, module="", lineno=0,
                   append=False):
    """Add a filter: warnings whose message starts with message, of category, raised in
    module (and at lineno, if not 0) get action."""
    _check_filter(action, category, lineno)
    if not isinstance(message, str):
        raise AssertionError("message must be a string")
    if not isinstance(module, str):
        raise AssertionError("module must be a string")
    _add_filter((action, _Pattern(message, False) if message else None, category,
                 _Pattern(module, True) if module else None, lineno), append)


def simplefilter(action, category=Warning, lineno=0, append=False):
    """Add a filter by action and category only."""
    _check_filter(action, category, lineno)
    _add_filter((action, None, category, None, lineno), append)


def resetwarnings():
    """Remove every filter (the defaults too)."""
    del filters[:]
    _filters_mutated()


class WarningMessage(object):
    """One warning as catch_warnings(record=True) records it."""

    _WARNING_DETAILS = ("message", "category", "filename", "lineno", "file", "line",
                        "source")

    def __init__(self, message, category, filename, lineno, file=None, line=None,
                 source=None):
        self.message, self.category = message, category
        self.filename, self.lineno = filename, lineno
        self.file, self.line, self.source = file, line, source
        self._category_name = category.__name__ if category else None

    def __str__(self):
        return (f"{{message : {self.message!r}, category : {self._category_name!r}, "
                f"filename : {self.filename!r}, lineno : {self.lineno}, "
                f"line : {self.line!r}}}")


def _matches(pattern, text):
    # the default filters name their module as a plain str, compared whole
    if pattern is None:
        return True
    return pattern == text if isinstance(pattern, str) else pattern.match(text)


def _action_for(text, category, module, lineno):
    # the first filter that fits decides; none fits: defaultaction
    for action, message_pattern, kind, module_pattern, line in filters:
        if not issubclass(category, kind) or (line and line != lineno):
            continue
        if _matches(message_pattern, text) and _matches(module_pattern, module):
            return action
    return defaultaction


def _current(book):
    # a registry noted under older filters is cleared first (already_warned)
    if book.get('version', 0) != _state['version']:
        book.clear()
        book['version'] = _state['version']
    return book


def _first_time(action, seen, where, text, category, own_registry):
    # notes the warning in the registry its action uses; False when already shown there
    if action == "always":
        return True
    if action not in ("default", "module", "once"):
        raise RuntimeError(f"Unrecognized action ({action!r}) in warnings.filters:\n {action}")
    seen[where] = 1
    if action == "default":
        return True
    # "once" notes in the caller's registry when there is one, else in onceregistry
    # (update_registry notes both under (text, category))
    book = seen if own_registry or action == "module" else _current(onceregistry)
    key = (text, category)
    if book.get(key):
        return False
    book[key] = 1
    return True


def warn_explicit(message, category, filename, lineno, module=None, registry=None,
                  module_globals=None, source=None):
    """Issue a warning for an explicit place (file, line, module)."""
    lineno = int(lineno)
    if module is None:
        base = filename or "<unknown>"
        module = base[:-3] if base[-3:].lower() == ".py" else base
    seen = _current({} if registry is None else registry)
    if isinstance(message, Warning):
        text, category = str(message), message.__class__
    else:
        text, message = message, category(message)
    where = (text, category, lineno)
    if seen.get(where):
        return
    action = _action_for(text, category, module, lineno)
    if action == "ignore":
        return
    if action == "error":
        raise message
    if _first_time(action, seen, where, text, category, registry is not None):
        _showwarnmsg(WarningMessage(message, category, filename, lineno, source=source))


def _warn_unawaited_coroutine(coro):
    # the interpreter calls this when a coroutine that never started is finalized; the
    # warning is placed where the program was when it let go of the coroutine
    text = "coroutine '" + coro.__qualname__ + "' was never awaited"
    warn(text, RuntimeWarning, 2, coro)


def warn(message, category=None, stacklevel=1, source=None):
    """Issue a warning (UserWarning by default) for the caller stacklevel frames up."""
    if isinstance(message, Warning):
        kind = message.__class__
    else:
        kind = UserWarning if category is None else category
    if not isinstance(kind, type) or not issubclass(kind, Warning):
        raise TypeError(f"category must be a Warning subclass, not '{type(kind).__name__}'")
    try:
        caller = sys._getframe(stacklevel)
    except ValueError:
        # fewer frames than stacklevel: the warning is placed in sys
        namespace, filename, lineno = sys.__dict__, "sys", 1
    else:
        namespace = caller.f_globals
        filename, lineno = caller.f_code.co_filename, caller.f_lineno
    warn_explicit(message, kind, filename, lineno, namespace.get('__name__', "<string>"),
                  namespace.setdefault("__warningregistry__", {}), namespace, source)


class catch_warnings(object):
    """A context manager that restores the filters and showwarning on exit; with
    record=True it collects the warnings shown inside it into the list it returns."""

    def __init__(self, *, record=False, module=None, action=None, category=Warning,
                 lineno=0, append=False):
        self._record = record
        self._module = module if module is not None else sys.modules['warnings']
        self._entered = False
        self._filter = None if action is None else (action, category, lineno, append)

    def __repr__(self):
        shown = ["record=True"] if self._record else []
        if self._module is not sys.modules['warnings']:
            shown.append(f"module={self._module!r}")
        return f"{type(self).__name__}({', '.join(shown)})"

    def __enter__(self):
        if self._entered:
            raise RuntimeError(f"Cannot enter {self!r} twice")
        self._entered = True
        target = self._module
        self._saved = (target.filters, target.showwarning)
        target.filters = list(target.filters)
        target._filters_mutated()
        if self._filter is not None:
            simplefilter(*self._filter)
        if not self._record:
            return None
        log = []
        target.showwarning = target._showwarning_orig
        target._showwarnmsg_impl = log.append
        return log

    def __exit__(self, *exc_info):
        if not self._entered:
            raise RuntimeError(f"Cannot exit {self!r} without entering first")
        target = self._module
        target.filters, target.showwarning = self._saved
        target._filters_mutated()
        target._showwarnmsg_impl = _showwarnmsg_impl_original


_showwarnmsg_impl_original = _showwarnmsg_impl
`,
  (d) => {
    const f = PyCFunction_New(
      { ml_name: "_getline", ml_meth: warnings_getline, ml_flags: METH_FASTCALL },
      null,
    );
    PyDict_SetItemString(d, "_getline", f);
    Py_DECREF(f);
  },
);
