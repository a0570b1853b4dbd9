# await: coroutines, objects with __await__, and what await refuses
class Ready:
    def __init__(self, value):
        self.value = value

    def __await__(self):
        yield "suspended"
        return self.value


async def inner(x):
    return x * 2


async def outer():
    a = await inner(5)
    b = await Ready(a + 1)
    return a, b


def drive(coro):
    sent = []
    try:
        while True:
            sent.append(coro.send(None))
    except StopIteration as e:
        return sent, e.value


print(drive(outer()))


class NoAwait:
    pass


class BadAwait:
    def __await__(self):
        return 42


async def awaits(obj):
    return await obj


for obj in (NoAwait(), BadAwait(), 7):
    c = awaits(obj)
    try:
        c.send(None)
    except TypeError as e:
        print("TypeError:", e)
c = inner(1)
print(drive(awaits(c)))
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
