# contextlib: contextmanager, ContextDecorator, suppress, closing, nullcontext,
# redirect_stdout, ExitStack and how exceptions flow through them
import sys
from contextlib import (contextmanager, suppress, closing, nullcontext, redirect_stdout,
                        redirect_stderr, ExitStack, AbstractContextManager, ContextDecorator)


@contextmanager
def tag(name):
    """Wraps output in a tag."""
    print(f'<{name}>')
    try:
        yield name.upper()
    finally:
        print(f'</{name}>')


with tag('p') as t:
    print('inside', t)
print(tag.__name__, tag.__doc__, type(tag('x')).__name__)

try:
    with tag('div'):
        raise KeyError('k')
except KeyError as e:
    print('caught', repr(e))


@contextmanager
def swallow():
    try:
        yield
    except ValueError as e:
        print('swallowed', e)


with swallow():
    raise ValueError('bad')
print('after swallow')


@contextmanager
def no_yield():
    if False:
        yield


@contextmanager
def two_yields():
    yield 1
    yield 2


for cm in (no_yield, two_yields):
    try:
        with cm():
            pass
    except RuntimeError as e:
        print(type(e).__name__, e)


@contextmanager
def reraise_other():
    try:
        yield
    except ZeroDivisionError:
        raise TypeError('converted')


try:
    with reraise_other():
        1 / 0
except TypeError as e:
    print(repr(e), repr(e.__context__))


@contextmanager
def passes_stop():
    yield


try:
    with passes_stop():
        raise StopIteration('s')
except StopIteration as e:
    print('StopIteration propagated', e)


@tag('deco')
def decorated(x):
    print('running', x)
    return x * 2


print(decorated(3), decorated(4))


class Track(ContextDecorator):
    def __enter__(self):
        print('enter track')
        return self

    def __exit__(self, *exc):
        print('exit track', exc[0])
        return False


@Track()
def work():
    print('work')


work()

with suppress(KeyError, IndexError):
    {}['missing']
print('suppressed')
try:
    with suppress(KeyError):
        [][1]
except IndexError as e:
    print('not suppressed:', e)


class Resource:
    def close(self):
        print('closed')


with closing(Resource()) as r:
    print(type(r).__name__)
with nullcontext(42) as n:
    print(n)
with nullcontext() as n:
    print(n)


class Collect:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)


out = Collect()
with redirect_stdout(out) as target:
    print('hidden', 1)
    print(target is out)
print(out.parts)
err = Collect()
with redirect_stderr(err):
    sys.stderr.write('to err\n')
print(err.parts)

with ExitStack() as stack:
    names = [stack.enter_context(tag(n)) for n in 'abc']
    stack.callback(print, 'callback', 1, sep='-')
    print(names)


def exit_fn(exc_type, exc, tb):
    print('exit_fn sees', exc_type.__name__ if exc_type else None)
    return True


with ExitStack() as stack:
    stack.push(exit_fn)
    raise ValueError('swallowed by push')
print('after stack')

stack = ExitStack()
stack.callback(print, 'deferred')
moved = stack.pop_all()
stack.close()
print('closed empty')
moved.close()


def fail(msg):
    raise RuntimeError(msg)


try:
    with ExitStack() as stack:
        stack.callback(fail, 'first')
        stack.callback(fail, 'second')
        raise KeyError('body')
except RuntimeError as e:
    chain = []
    while e is not None:
        chain.append(repr(e))
        e = e.__context__
    print(chain)
try:
    ExitStack().enter_context(object())
except TypeError as e:
    print(e)
print(isinstance(ExitStack(), AbstractContextManager), issubclass(Resource, AbstractContextManager))


class Duck:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        pass


print(issubclass(Duck, AbstractContextManager), isinstance(tag('z'), AbstractContextManager))
