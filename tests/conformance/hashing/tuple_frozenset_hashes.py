for t in [(), (0,), (1, 2, 3), ("a", "b"), (1, ("x", 2.5)), (True, False)]:
    print(t, hash(t))
for f in [frozenset(), frozenset({1}), frozenset({1, 2, 3}), frozenset("abc")]:
    print(sorted(f), hash(f))
print(hash(None) == hash(None), hash(...) == hash(...))
print(hash((None,)) == hash((None,)))
