import types, sys
ns = types.SimpleNamespace(a=1, b="x")
print(vars(ns))
print(ns.__dict__ is vars(ns))
ns.c = 3
print(sorted(vars(ns)))
try:
    ns.__dict__ = {}
except AttributeError as e:
    print("AttributeError", e)
print(sys.getrefcount(vars(ns)))
print('__dict__' in dir(ns))
print(type(sys.implementation.__dict__).__name__)
