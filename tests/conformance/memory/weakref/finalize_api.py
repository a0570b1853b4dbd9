import weakref, sys, gc
class C:
    pass
c = C()
f = weakref.finalize(c, print, "a", "b", sep="-")
r = repr(f)
print(r.startswith("<finalize object at 0x"), r.endswith("; for 'C' at %#x>" % id(c)))
print(f.atexit, f.alive, f.peek()[2:], type(f).__slots__, f.__class__.__name__)
f.atexit = 0
print(f.atexit)
f.atexit = "yes"
print(f.atexit)
print(f("ignored arg"), f.alive, f.atexit, f.peek(), f.detach(), f())
r = repr(f)
print(r.startswith("<finalize object at 0x"), r.endswith("; dead>"))
f.atexit = True
print(f.atexit)
try:
    weakref.finalize(1, print)
except TypeError as e:
    print("TypeError", e)
try:
    weakref.finalize(c)
except TypeError as e:
    print("TypeError", e)
try:
    weakref.finalize()
except TypeError as e:
    print("TypeError", e)
try:
    f.x = 1
except AttributeError as e:
    print("AttributeError", e)
g = weakref.finalize(c, lambda *a, **k: (a, k), 1, obj=2, func=3)
print(g.peek()[2:], g(), g.peek())
h = weakref.finalize(c, lambda: 1 / 0)
try:
    h()
except ZeroDivisionError as e:
    print("ZeroDivisionError", e, h.alive)
k = weakref.finalize(c, print, "kept for the end")
d = weakref.finalize(c, print, "detached")
obj, func, args, kwargs = d.detach()
print(obj is c, func is print, args, kwargs, d.detach(), d.alive)
del obj
print("deleting c")
del c
print(k.alive, gc.isenabled())
