s = {3, 1, 2}
s.add(4)
s.add(1)
s.discard(9)
s.remove(2)
print(s, len(s), 3 in s, 2 in s)
print(set(), set("aab"), set([1, 1, 2]), frozenset({1, 2}))
try:
    s.remove(99)
except KeyError as e:
    print(repr(e))
