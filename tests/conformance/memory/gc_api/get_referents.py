import gc
a = [1, "two", (3,)]
print(gc.get_referents(a))
d = {"k": "v"}
print(sorted(map(repr, gc.get_referents(d))))
t = (a, d)
print(len(gc.get_referents(t)), gc.get_referents(t)[0] is a)
print(gc.get_referents(1, "s"))
class C:
    pass
c = C()
c.x = 5
print([type(r).__name__ for r in gc.get_referents(c)])
