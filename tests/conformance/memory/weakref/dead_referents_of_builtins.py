# Weak references to functions, sets, bound and builtin methods are cleared when these die.
import weakref
def f():
    pass
r = weakref.ref(f, lambda r: print("function died"))
del f
print(r())
s = {1}
fs = frozenset({2})
rs = weakref.ref(s, lambda r: print("set died"))
rf = weakref.ref(fs, lambda r: print("frozenset died"))
del s, fs
print(rs(), rf())
class C:
    def m(self):
        pass
c = C()
m = c.m
rm = weakref.ref(m, lambda r: print("bound method died"))
del m
print(rm())
b = [].append
rb = weakref.ref(b, lambda r: print("builtin method died"))
del b
print(rb())
ws = weakref.WeakSet()
funcs = [lambda: 1, lambda: 2]
for fn in funcs:
    ws.add(fn)
del fn
print(len(ws))
funcs.pop()
print(len(ws))
wk = weakref.WeakKeyDictionary({frozenset({1}): "a"})
print(len(wk))
