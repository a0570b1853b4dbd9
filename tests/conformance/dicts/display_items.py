# A dict display {k: v, ...} inserts its items in order as PyDict_SetItem does: a repeated
# key keeps its first place and its first key object and takes the last value, the value it
# replaced is released at once, the dict is tracked by the collector only once it holds a
# container, and its size is that of a dict grown one insertion at a time.
import gc
import sys


class Loud:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


a1 = "".join(["a", "b"])
a2 = "".join(["a", "b"])
d = {a1: 1, "x": 2, a2: 3}
print(d, next(iter(d)) is a1, sys.getrefcount(a1), sys.getrefcount(a2))
d = {"k": Loud("first"), "j": 0, "k": Loud("second")}
print(list(d), d["k"].name)
del d
for x in [{}, {"a": 1}, {"a": 1, "b": 2.5}, {"a": 1, "b": "s"}, {"a": []}, {"a": (1, 2)},
          {"a": (1, [])}, {1: "x"}, {(1, 2): 3}, {"a": 1, "b": 2, "c": 3, "d": 4, "e": 5},
          {"a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6}, {1: 1, "a": 2}, {"a": 1, 1: 2}]:
    print(len(x), gc.is_tracked(x), sys.getsizeof(x), list(x.items())[-1:])
i, j = 7, 8
e = {"i": i, "j": j, "i": j}
print(e, sys.getsizeof(e), sys.getrefcount(e))
f = {i: "a", j: "b", 7.0: "c", True: "d", 1: "e"}
print(f)
n = 10 ** 6
g = {"n": n}
print(sys.getrefcount(n), sys.getrefcount(g["n"]))
del g
print(sys.getrefcount(n))


class H(str):
    def __hash__(self):
        print("hash", str(self))
        return str.__hash__(self)

    def __eq__(self, other):
        print("eq", str(self), other)
        return str.__eq__(self, other)


h = {H("p"): 1, "q": 2, "p": 3}
print(h)
try:
    {"a": 1, []: 2}
except TypeError as exc:
    print("TypeError", exc)
print([{"a": k, "b": k * 2} for k in range(3)])
