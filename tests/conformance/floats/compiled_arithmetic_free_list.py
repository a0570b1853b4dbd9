# Float arithmetic in functions hot enough to be compiled: every temporary float comes from
# the float free list and goes back to it, so the addresses results take, the free list's
# size and what a collection gives back are CPython's.
import gc
import sys


def poly(x, y, z):
    return x * x + y * y - z * z / 2.0 + (x - y) * (y + z)


def mixed(n, f):
    return n * f + n - f / 4 + 3 * f


def step(v, dx):
    v[0] += dx * 0.5
    v[1] -= dx * v[0]
    v[2] *= 1.0 + dx
    return v


def ids_of_temporaries(a, b):
    t = a * b
    i1 = id(t)
    del t
    u = a + b
    i2 = id(u)
    w = (a - b) * (a + b)
    return i1 == i2, id(w) == i1, u, w


total = 0.0
for i in range(300):
    total += poly(i * 0.25, 1.5 - i, 0.125 * i)
    total += mixed(i, i * 0.75)
print(repr(total))
v = [1.0, 2.0, 3.0]
for i in range(200):
    step(v, 0.001 * i)
print([repr(x) for x in v])
for i in range(50):
    r = ids_of_temporaries(i * 1.5, 2.25)
print(r)

# the free list keeps 100 floats, last freed first out; the rest go back to the allocator
# (each operation below frees at most one temporary, so the order of the two releases of a
# BINARY_OP, which 3.11's specialized float instructions reverse, does not show)
keep = [float(i) + 0.5 for i in range(150)]
where = {id(f): k for k, f in enumerate(keep)}
del keep
a = 1.5
b = 2.5
made = [a * b for i in range(120)]
print([where.get(id(f), -1) for f in made[:101]])
where = {id(f): k for k, f in enumerate(made)}
src = [float(i) for i in range(30)]
del made
twice = [x * 2.0 - 1.0 for x in src]
print([where.get(id(f), -1) for f in twice], repr(sum(twice)))
x = 0.1
y = 0.2
print(sys.getrefcount(x * y), repr(x * y + x), sys.getrefcount(x))
try:
    mixed(10**400, 1.5)
except OverflowError as e:
    print("OverflowError:", e)
print(repr(mixed(2**53 + 1, 0.5)), repr(mixed(True, 2.0)), poly(1e308, 1e308, 0.0))
