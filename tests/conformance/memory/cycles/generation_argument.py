import gc
class Node:
    pass
gc.collect()
def make_cycle():
    n = Node()
    n.me = n
make_cycle()
print(gc.collect(0))
make_cycle()
print(gc.collect(1))
make_cycle()
print(gc.collect(2))
try:
    gc.collect(3)
except ValueError as e:
    print(e)
