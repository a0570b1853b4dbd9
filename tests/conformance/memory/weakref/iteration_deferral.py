# Entries whose referent dies while a container is being iterated stay until the last
# iteration ends; a started and abandoned iterator keeps deferring until it is closed.
import weakref
class O:
    def __init__(self, n):
        self.n = n
objs = [O(i) for i in range(4)]

members = [O(i) for i in range(4)]
ws = weakref.WeakSet(members)
it = iter(ws)
first = next(it)
victim = members.pop(3) if members[3] is not first else members.pop(2)
del victim
print("set during", len(ws), len(ws.data))
it2 = iter(ws)
print("not started", len(ws.data))
next(it2)
del it
print("one left", len(ws), len(ws.data))
del it2
print("set after", len(ws), len(ws.data))
del first

wvd = weakref.WeakValueDictionary((str(o.n), o) for o in objs)
g = wvd.items()
k, v = next(g)
del v
gone = [x for x in objs if str(x.n) != k][0]
objs.remove(gone)
del gone
print("wvd during", len(wvd.data), sorted(wvd.data))
print("wvd len commits", len(wvd), len(wvd.data))
try:
    next(g)
except RuntimeError as e:
    print("RuntimeError", e)
del g

objs = [O(i) for i in range(4)]
wkd = weakref.WeakKeyDictionary((o, o.n) for o in objs)
g = iter(wkd)
k = next(g)
other = [x for x in objs if x is not k][0]
objs.remove(other)
del other
print("wkd during", len(wkd), len(wkd.data))
del wkd[k]
print("after del", len(wkd), len(wkd.data))
objs.remove(k)
del k
print("after key death", len(wkd), len(wkd.data))
g.close()
print("closed", len(wkd), len(wkd.data), sorted(o.n for o in wkd))

# values() and keys() of a WeakValueDictionary while values die
objs = [O(i) for i in range(5)]
wvd = weakref.WeakValueDictionary(enumerate(objs))
out = []
for key in wvd.keys():
    out.append(key)
    if key == 1:
        del objs[3]
print("keys", out, len(wvd.data))
out = []
for o in wvd.values():
    out.append(o.n)
    if o.n == 0:
        del objs[-1]
del o
print("values", out, len(wvd))
print(sorted(r.key for r in wvd.itervaluerefs()), len(wvd.valuerefs()))
