# What happens to a container changed while it is walked.
import weakref
class O:
    def __init__(self, n):
        self.n = n
objs = [O(i) for i in range(5)]
ws = weakref.WeakSet(objs)
try:
    for x in ws:
        ws.add(O(9))
except RuntimeError as e:
    print("RuntimeError", e)
print(len(ws))
it = iter(ws)
x = next(it)
victim = [o for o in objs if o is not x][0]
objs.remove(victim)
del victim
print(len(ws), len(ws.data))
ws.discard(O(7))
try:
    next(it)
except RuntimeError as e:
    print("RuntimeError", e)
print(len(ws), len(ws.data))
del it, x

d = weakref.WeakValueDictionary((o.n, o) for o in objs)
g = iter(d)
first = next(g)
objs.pop()
print(len(d.data), first in d, len(d.data))
try:
    next(g)
except RuntimeError as e:
    print("RuntimeError", e)
del g

objs = [O(i) for i in range(4)]
kd = weakref.WeakKeyDictionary((o, o.n) for o in objs)
walk = kd.items()
k, v = next(walk)
objs.pop()
kd[O(5)] = 5
print(len(kd), len(kd.data))
try:
    next(walk)
except RuntimeError as e:
    print("RuntimeError", e)
del walk
print(len(kd), len(kd.data), sorted(kd.values()))

# an abandoned walk that is never resumed keeps the queue until it is collected
objs = [O(i) for i in range(3)]
ws = weakref.WeakSet(objs)
it = iter(ws)
next(it)
objs.clear()
print(len(ws), len(ws.data))
del it
print(len(ws), len(ws.data))
