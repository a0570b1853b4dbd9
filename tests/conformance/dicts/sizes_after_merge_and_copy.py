# sys.getsizeof of dicts made by update, dict(), {**d}, copy() and displays: an empty target
# clones a clean, minimum-size or more-than-half-full source table as it is; otherwise one
# resize first, to estimate_log2_keysize(used + other), whose bit-length arithmetic gives 16
# slots for 3 and 32 for 16; copy() clones unless a third of the entries are holes; the copy
# of an instance dict is split like it; displays of more than five items are presized, with
# str-only keys when every key is an exact str; a str-keyed table turns general at the first
# other key, resized for used*3.
import sys
a, b, c, d, e, f, g = "abcdefg"
print(sys.getsizeof({a: 1, b: 2, c: 3, d: 4, e: 5, f: 6}), sys.getsizeof({"a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6}))
print(sys.getsizeof({1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 6}), sys.getsizeof({a: 1, 2: 2, c: 3, d: 4, e: 5, f: 6}))
print(sys.getsizeof({a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, "h": 8, "i": 9, "j": 10, "k": 11}))
print(sys.getsizeof({1: 1}), sys.getsizeof({a: 1, 1: 2}), sys.getsizeof({1: 2, a: 1}))
def kw(**k): return sys.getsizeof(k)
print(kw(), kw(a=1), kw(a=1, b=2, c=3, d=4, e=5, f=6), kw(**{str(i): i for i in range(20)}))
print(sys.getsizeof(dict(a=1, b=2)), sys.getsizeof(dict([(1, 2), (3, 4)])), sys.getsizeof(dict.fromkeys("abcdefgh")))
x = {"a": 1}; del x["a"]; x.update({"b": 2, "c": 3}); print(sys.getsizeof(x), x)
class C:
    pass
o = C(); o.p = 1; o.q = 2
dd = o.__dict__
cp = dd.copy()
print(sys.getsizeof(dd), sys.getsizeof(cp), cp, list(cp))
cp["r"] = 3
print(sys.getsizeof(cp), cp, dd)
class D(dict):
    pass
dsub = D(a=1, b=2)
print(sys.getsizeof(dsub.copy()), type(dsub.copy()))
big = {i: i for i in range(100)}
for i in range(80): del big[i]
print(sys.getsizeof(big.copy()), sys.getsizeof(dict(big)), sys.getsizeof({**big}))

for n in range(0, 40, 3):
    src = {"k%d" % i: i for i in range(n)}
    isrc = {i: i for i in range(n)}
    a = {}; a.update(src)
    b = {"x": 1}; b.update(src)
    c = {"x": 1, "y": 2, "z": 3}; c.update(isrc)
    d = dict(src); e = {**src}; f = src.copy(); g = dict(isrc)
    if n: del src["k0"]
    h = dict(src) if n else {}
    print(n, [sys.getsizeof(x) for x in (a, b, c, d, e, f, g, h)])
