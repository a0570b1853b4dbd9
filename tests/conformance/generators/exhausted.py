# An exhausted generator or iterator ends every consumer quietly; a Python __next__ that
# raises StopIteration ends them too


def gen():
    yield 1


g = gen()
print(list(g), list(g), tuple(g), sorted(g), set(g), next(g, "done"))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.args)
print(g.send(None) if False else "skip")
try:
    g.send(None)
except StopIteration as e:
    print("send after end:", e.value)


class Empty:
    def __iter__(self):
        return self

    def __next__(self):
        raise StopIteration


print(list(Empty()), [*Empty()], tuple(Empty()), dict.fromkeys(Empty()), "".join(Empty()))
print(list(map(str, Empty())), list(zip(Empty(), [1])), list(enumerate(Empty())))
l = [0]
l.extend(Empty())
l += Empty()
print(l)
