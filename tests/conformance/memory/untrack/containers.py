import gc
class C:
    pass
def f():
    pass
for obj in [[], [1], set(), frozenset(), C(), C, f, lambda: 0, (x for x in ()), object()]:
    print(type(obj).__name__, gc.is_tracked(obj))
