import gc
class Node:
    def __init__(self, name):
        self.name = name
gc.collect()
gc.set_debug(gc.DEBUG_SAVEALL)
a = Node("a")
b = Node("b")
a.o = b
b.o = a
del a, b
print(gc.collect())
print(len(gc.garbage), sorted(type(o).__name__ for o in gc.garbage))
print(sorted(o.name for o in gc.garbage if isinstance(o, Node)))
gc.set_debug(0)
gc.garbage.clear()
print(gc.collect())
