# From a script's first lines, new short tuples first take the ones CPython's start-up left
# on its free lists (of each length its own): those do not count toward the collector's
# threshold, and a freed one brings its address back. (Lists, dicts and 6-tuples are left
# out: `import gc` itself takes or gives back some of those, through importlib in CPython
# and natively in glasspy, so their lists differ by then.)
import gc

x = len(gc.get_stats())
steps = []
for n in (3, 7, 13, 10, 20):
    before = gc.get_count()[0]
    keep = (x,) * n, (x,) * n, (x,) * n
    steps.append(gc.get_count()[0] - before)
    del keep
print(steps)

t = (x,) * 13
first = id(t)
del t
u = (x, x) * 6 + (x,)
print(len(u), id(u) == first)
