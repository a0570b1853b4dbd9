import gc
d = {}
d.update(a=1, b="x")
print(gc.is_tracked(d))
d.update(c=[])
print(gc.is_tracked(d))
e = dict(d)
print(gc.is_tracked(e))
f = {k: v for k, v in [("a", 1)]}
print(gc.is_tracked(f))
g = dict.fromkeys(range(3))
print(gc.is_tracked(g))
