// The contextlib module (Lib/contextlib.py's interface, without the async half), written
// for glasspy: contextmanager over a generator, ContextDecorator, suppress, closing,
// nullcontext, redirect_stdout and redirect_stderr, and ExitStack, with the exception
// handling (which exception propagates, its context chain) CPython's gives.

import { registerFrozenModule } from "./frozen.ts";

registerFrozenModule(
  "contextlib",
  String.raw`"""Utilities for with-statement contexts: managers made from generators, and small
ready-made managers."""

import _collections_abc
import abc
import sys
from functools import wraps

__all__ = ["contextmanager", "closing", "nullcontext", "AbstractContextManager",
           "ContextDecorator", "ExitStack", "redirect_stdout", "redirect_stderr",
           "suppress"]


class AbstractContextManager(abc.ABC):
    """A base for context managers: __enter__ returns self; __exit__ is abstract."""

    __class_getitem__ = classmethod(lambda cls, item: cls)

    @abc.abstractmethod
    def __exit__(self, exc_type, exc, tb):
        return None

    def __enter__(self):
        return self

    @classmethod
    def __subclasshook__(cls, candidate):
        return (_collections_abc._defines_all(candidate, ("__enter__", "__exit__"))
                if cls is AbstractContextManager else NotImplemented)


class ContextDecorator(object):
    """A base for context managers that can also decorate a function, which then runs
    inside the context each time it is called."""

    def _recreate_cm(self):
        return self

    def __call__(self, function):
        manager = self

        def run_inside(*args, **kwargs):
            with manager._recreate_cm():
                result = function(*args, **kwargs)
            return result
        return wraps(function)(run_inside)


class _GeneratorContextManager(AbstractContextManager, ContextDecorator):
    """Helper for @contextmanager decorator."""

    def __init__(self, func, args, kwds):
        self.func, self.args, self.kwds = func, args, kwds
        self.gen = func(*args, **kwds)
        own = getattr(func, "__doc__", None)
        self.__doc__ = own if own is not None else type(self).__doc__

    def _recreate_cm(self):
        # a decorated function needs a fresh generator for each call
        return type(self)(self.func, self.args, self.kwds)

    def __enter__(self):
        # the recipe is no longer needed once the generator runs
        del self.args, self.kwds, self.func
        try:
            first = next(self.gen)
        except StopIteration:
            raise RuntimeError("generator didn't yield") from None
        return first

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            for _ in self.gen:
                raise RuntimeError("generator didn't stop")
            return False
        if exc is None:
            exc = exc_type()
        try:
            self.gen.throw(exc_type, exc, tb)
        except StopIteration as stopped:
            # the generator ended: it swallowed the exception, unless the exception was
            # this very StopIteration
            return stopped is not exc
        except RuntimeError as failure:
            # a StopIteration thrown in comes back as a RuntimeError caused by it (PEP 479)
            same = failure is exc
            if same or (isinstance(exc, StopIteration) and failure.__cause__ is exc):
                exc.__traceback__ = tb
                return False
            raise
        except BaseException as other:
            if other is exc:
                other.__traceback__ = tb
                return False
            raise
        raise RuntimeError("generator didn't stop after throw()")


def contextmanager(func):
    """Make a context manager of a generator function: the code before its single
    yield runs on entry, the yielded value is what 'as' binds, the code after it runs
    on exit (an exception in the block is raised at the yield)."""
    def make_manager(*args, **kwargs):
        return _GeneratorContextManager(func, args, kwargs)
    return wraps(func)(make_manager)


class closing(AbstractContextManager):
    """Calls thing.close() on exit: with closing(thing) as t: ..."""

    def __exit__(self, exc_type, exc, tb):
        self.thing.close()

    def __enter__(self):
        return self.thing

    def __init__(self, thing):
        self.thing = thing


class _RedirectStream(AbstractContextManager):
    # the name of the sys attribute replaced
    _stream = None

    def __exit__(self, exc_type, exc, tb):
        setattr(sys, self._stream, self._saved.pop())

    def __enter__(self):
        self._saved.append(getattr(sys, self._stream))
        setattr(sys, self._stream, self._replacement)
        return self._replacement

    def __init__(self, new_target):
        # one saved stream per nested use of the same object
        self._saved = []
        self._replacement = new_target


class redirect_stdout(_RedirectStream):
    """Sends sys.stdout to another file-like object for the duration of the block."""
    _stream = "stdout"  # the sys attribute replaced


class redirect_stderr(_RedirectStream):
    """Sends sys.stderr to another file-like object for the duration of the block."""
    _stream = "stderr"  # the sys attribute replaced


class suppress(AbstractContextManager):
    """Silences the listed exceptions raised in the block; the statement after the
    with statement runs next."""

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            return False
        return issubclass(exc_type, self._exceptions)

    def __enter__(self):
        return None

    def __init__(self, *exceptions):
        self._exceptions = exceptions


class nullcontext(AbstractContextManager):
    """A context manager that does nothing; 'as' binds enter_result."""

    def __exit__(self, exc_type, exc, tb):
        return None

    def __enter__(self):
        return self.enter_result

    def __init__(self, enter_result=None):
        self.enter_result = enter_result


class ExitStack(AbstractContextManager):
    """A stack of exit callbacks run in reverse order when the with statement ends (or
    on close()): context managers entered with enter_context, __exit__-like callables
    given to push, plain callables given to callback."""

    def __init__(self):
        self._exit_callbacks = []

    def pop_all(self):
        """A new ExitStack holding this one's callbacks (this one is left empty)."""
        moved = type(self)()
        moved._exit_callbacks, self._exit_callbacks = self._exit_callbacks, []
        return moved

    def push(self, exit):
        """Add an __exit__-like callable, or a context manager's __exit__."""
        method = getattr(type(exit), '__exit__', None)
        if method is None:
            self._exit_callbacks.append((True, exit))
        else:
            self._exit_callbacks.append((True, method.__get__(exit, type(exit))))
        return exit

    def enter_context(self, cm):
        """Enter a context manager and push its __exit__; returns what __enter__ gave."""
        kind = type(cm)
        try:
            enter, exit = kind.__enter__, kind.__exit__
        except AttributeError:
            raise TypeError(f"'{kind.__module__}.{kind.__qualname__}' object does not "
                            f"support the context manager protocol") from None
        result = enter(cm)
        self._exit_callbacks.append((True, exit.__get__(cm, kind)))
        return result

    def callback(self, callback, /, *args, **kwds):
        """Push a callable called with args and kwds on exit (it cannot swallow an
        exception); returns callback."""
        def call_back(exc_type, exc, tb):
            callback(*args, **kwds)
        call_back.__wrapped__ = callback
        self._exit_callbacks.append((False, call_back))
        return callback

    def close(self):
        """Run the callbacks now."""
        self.__exit__(None, None, None)

    def __exit__(self, *exc_details):
        received = exc_details[0] is not None
        # the exception raised around the stack, whose context chain a callback's own
        # exception must end at
        frame_exc = sys.exc_info()[1]

        def link(new_exc, old_exc):
            while True:
                context = new_exc.__context__
                if context is None or context is old_exc:
                    return
                if context is frame_exc:
                    break
                new_exc = context
            new_exc.__context__ = old_exc

        suppressed = False
        pending = False
        while self._exit_callbacks:
            _, handler = self._exit_callbacks.pop()
            try:
                if handler(*exc_details):
                    suppressed = True
                    pending = False
                    exc_details = (None, None, None)
            except:
                raised = sys.exc_info()
                link(raised[1], exc_details[1])
                pending = True
                exc_details = raised
        if pending:
            try:
                held = exc_details[1].__context__
                raise exc_details[1]
            except BaseException:
                exc_details[1].__context__ = held
                raise
        return received and suppressed
`,
);
