# `async for` and `async with` inside coroutines driven by hand (send(None) until
# StopIteration): GET_AITER, GET_ANEXT, BEFORE_ASYNC_WITH and END_ASYNC_FOR, their errors,
# and when the objects they hold are freed.
import sys


def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as stop:
        return stop.value


class Suspend:
    def __await__(self):
        yield "tick"


class Ticker:
    def __init__(self, n):
        self.i = 0
        self.n = n

    def __aiter__(self):
        print("aiter")
        return self

    async def __anext__(self):
        await Suspend()
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i

    def __del__(self):
        print("del Ticker", self.n)


class Guard:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow

    async def __aenter__(self):
        print("enter", self.name)
        await Suspend()
        return self.name.upper()

    async def __aexit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev)
        await Suspend()
        return self.swallow

    def __del__(self):
        print("del Guard", self.name)


async def loops():
    total = 0
    async for x in Ticker(3):
        total += x
    print("total", total)
    async for x in Ticker(5):
        if x == 2:
            break
    print("broke at", x)
    t = Ticker(2)
    async for x in t:
        pass
    print(sys.getrefcount(t))
    async for x in Ticker(0):
        print("never")
    else:
        print("else ran")
    return total


print(run(loops()))


async def withs():
    async with Guard("a") as v:
        print("inside", v)
    async with Guard("b", swallow=True):
        raise ValueError("swallowed")
    print("after b")
    try:
        async with Guard("c"):
            raise KeyError("passes")
    except KeyError as e:
        print("caught", repr(e))
    async with Guard("d") as v, Guard("e") as w:
        print(v, w)
    return "done"


print(run(withs()))


async def returns_inside():
    async with Guard("r"):
        return "from inside"


print(run(returns_inside()))


class NoAnext:
    def __aiter__(self):
        return 42


class BadAnext:
    def __aiter__(self):
        return self

    def __anext__(self):
        return 7


class NotAwaitable:
    def __await__(self):
        return 3


class BadAwait:
    def __aiter__(self):
        return self

    def __anext__(self):
        return NotAwaitable()


class OnlyEnter:
    async def __aenter__(self):
        return 1


async def use(kind):
    if kind == "plain":
        async for x in [1, 2]:
            pass
    elif kind == "noanext":
        async for x in NoAnext():
            pass
    elif kind == "badanext":
        async for x in BadAnext():
            pass
    elif kind == "badawait":
        async for x in BadAwait():
            pass
    elif kind == "with-plain":
        async with open:
            pass
    elif kind == "with-noexit":
        async with OnlyEnter():
            pass


for kind in ("plain", "noanext", "badanext", "badawait", "with-plain", "with-noexit"):
    try:
        run(use(kind))
    except TypeError as e:
        cause = e.__cause__
        print(kind, "TypeError:", e, "| cause:", type(cause).__name__ if cause else None, cause)


class Failing:
    def __aiter__(self):
        return self

    async def __anext__(self):
        raise RuntimeError("anext failed")


async def fails():
    async for x in Failing():
        pass


run(fails())
