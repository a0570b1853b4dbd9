# map holds its iterators in a tuple; enumerate and reversed are called without an argument
# tuple (vectorcall): what that shows in gc counts, referents and the order of __del__.
import gc


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)

    def __iter__(self):
        return self

    def __next__(self):
        raise StopIteration

    def __call__(self, *args):
        return args


gc.disable()
LIST = [1, 2]


def made(label, make):
    gc.collect()
    before = gc.get_count()[0]
    obj = make()
    referents = [type(r).__name__ for r in gc.get_referents(obj)]
    print(label, gc.get_count()[0] - before, referents)
    return obj


kept = [
    made("map, one iterable", lambda: map(str, LIST)),
    made("map, two iterables", lambda: map(pow, LIST, (3, 4))),
    made("filter", lambda: filter(None, LIST)),
    made("zip", lambda: zip(LIST, LIST)),
    made("enumerate", lambda: enumerate(LIST)),
    made("enumerate, start=", lambda: enumerate(LIST, start=3)),
    made("reversed", lambda: reversed(LIST)),
    made("reversed tuple", lambda: reversed((1, 2))),
]
del kept

print("-- map frees its iterators (last first), then the function")
m = map(Noisy("func"), Noisy("a"), Noisy("b"), Noisy("c"))
del m
print("-- filter frees the function, then the iterator")
f = filter(Noisy("func"), Noisy("a"))
del f
print("-- zip")
z = zip(Noisy("a"), Noisy("b"))
del z

print(list(map(lambda a, b: a + b, [1, 2], (3, 4))))
print(len(gc.get_referents(map(len, [], ()))[0]))
print(list(enumerate(iterable="ab", start=3)), list(enumerate(start=3, iterable="ab")))


class E(enumerate):
    def __init__(self, *args, **kwargs):
        print("E.__init__", args, kwargs)


class M(map):
    def __init__(self, *args):
        print("M.__init__", len(args))


print(list(E("ab", start=5)), list(M(str, [1])))

for call in (
    lambda: enumerate(),
    lambda: enumerate([1], 2, 3),
    lambda: enumerate([1], x=2),
    lambda: enumerate(x=[1]),
    lambda: enumerate(start=2, x=1),
    lambda: enumerate(a=1, b=2, c=3),
    lambda: enumerate(1),
    lambda: enumerate([1], "a"),
    lambda: reversed([1], x=1),
    lambda: reversed(),
    lambda: reversed(1, 2),
    lambda: reversed(3),
    lambda: map(str),
    lambda: map(str, 1),
):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
