f = frozenset([3, 1, 2])
print(f, hash(f) == hash(frozenset([1, 2, 3])), {f: "key"}[frozenset({1, 2, 3})])
print(frozenset() | {1}, type(frozenset() | {1}).__name__, type({1} | frozenset()).__name__)
try:
    f.add(4)
except AttributeError as e:
    print(e)
print({frozenset({1}), frozenset({1})})
