# __length_hint__ of the built-in iterators (list_reverseiterator, reversed, str, bytes,
# bytearray, set and sequence iterators), as they run and after the sequence changes, and
# the list sizes that list(), [*it] and tuple() preallocate from it.
import operator
import sys


class Seq:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError
        return i


class NoLen:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError
        return i


def hints(it, steps=3):
    out = [operator.length_hint(it, -1)]
    for _ in range(steps):
        next(it, None)
        out.append(operator.length_hint(it, -1))
    return out


print(hints(reversed([1, 2, 3, 4])), hints(reversed((1, 2))), hints(reversed(Seq(5))))
print(hints(iter("abcd")), hints(iter("a\U0001f600b\u00e9c")), hints(iter("\u0100xyz")))
print(hints(iter(b"abcde")), hints(iter(bytearray(b"ab"))), hints(iter({1, 2, 3, 4})))
print(hints(iter(Seq(3))), hints(iter(NoLen())), iter(NoLen()).__length_hint__())
lst = [1, 2, 3, 4, 5]
r = reversed(lst)
next(r)
del lst[2:]
print(r.__length_hint__(), list(r))
s = {1, 2, 3}
si = iter(s)
next(si)
s.add(9)
print(si.__length_hint__())
ba = bytearray(b"abcdef")
bi = iter(ba)
next(bi)
del ba[:]
print(bi.__length_hint__())
seq = Seq(6)
it = iter(seq)
next(it)
seq.n = 0
print(it.__length_hint__())
for mk in [lambda: reversed(list(range(30))), lambda: reversed(tuple(range(30))),
           lambda: iter("x" * 30), lambda: iter(Seq(30)), lambda: reversed(Seq(30)),
           lambda: iter(b"x" * 30), lambda: iter(bytearray(30)), lambda: iter(set(range(30))),
           lambda: iter(NoLen())]:
    print(sys.getsizeof(list(mk())), sys.getsizeof([*mk()]), sys.getsizeof(tuple(mk())))
