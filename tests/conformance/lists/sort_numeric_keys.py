# Lists of exact ints, and of equal-length tuples of exact ints, sort by their numbers: the
# result keeps equal values in their first order (as the same objects), with key= and
# reverse=, and lists that only look like them (bools, big ints, mixed lengths) sort as usual.
import random
import sys

random.seed(5)


def ids_in_order(items, order):
    return [id(items[i]) for i in order]


for n in (5, 16, 17, 100, 1000, 5000):
    a = [random.randint(-50, 50) for _ in range(n)]
    b = [int(str(v)) + 1000 for v in a]  # equal values as distinct objects
    s = sorted(b)
    print(n, s[:8], [v - 1000 for v in s] == sorted(a))
    order = sorted(range(n), key=lambda i: b[i])
    print("stable", ids_in_order(b, order) == [id(x) for x in s])
    s2 = sorted(b, reverse=True)
    order2 = sorted(range(n), key=lambda i: b[i], reverse=True)
    print("stable reversed", ids_in_order(b, order2) == [id(x) for x in s2])
    t = [(random.randint(0, 5), random.randint(-3, 3), i) for i in range(n)]
    print(sorted(t)[:4], sorted(t, reverse=True)[:3])
    pairs = [(random.randint(0, 2**40), random.randint(-2**40, 2**40)) for i in range(n)]
    print("wide pairs", hash(tuple(sorted(pairs))))
    huge = [random.randint(-2**70, 2**70) for _ in range(n)]
    print("big ints", hash(tuple(sorted(huge))))
    mixed = [random.randint(0, 10) for _ in range(n)] + [True, False]
    print("with bools", hash(tuple(sorted(mixed))), sorted(mixed)[:3])
    lengths = [(1, 2)] * n + [(1,)] + [(1, 2, 0)]
    print("lengths", sorted(lengths)[:2], sorted(lengths)[-1])
    print("key", sorted(a, key=lambda v: (v % 7, -v))[:10])
    c = list(b)
    c.sort(key=lambda v: -v)
    print("in place", c[:5], [id(x) for x in c] == [id(b[i]) for i in sorted(range(n), key=lambda i: -b[i])])

x = [(1, 2)] * 20
y = sorted(x)
print(sys.getrefcount(x[0]))
keys = [(i % 3, i) for i in range(40)]
print(sys.getrefcount(keys[5]))
print(sorted(range(40), key=lambda i: keys[i])[:12])
print(sys.getrefcount(keys[5]))


class L(list):
    pass


z = L(random.randint(0, 100) for _ in range(50))
z.sort()
print(z[:10])
