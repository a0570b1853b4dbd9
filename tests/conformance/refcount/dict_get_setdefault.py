import sys
v = object()
d = {}
d.setdefault("a", v)
print(sys.getrefcount(v))
got = d.get("a")
print(sys.getrefcount(v))
popped = d.pop("a")
print(sys.getrefcount(v))
