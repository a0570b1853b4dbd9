# The copy module on weak containers: copy.copy uses __copy__ (or, for a WeakSet,
# __reduce__, whose state is the instance dict); deepcopy copies keys of a
# WeakValueDictionary and values of a WeakKeyDictionary, never the weak side.
import copy, weakref
class O:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return "O%d" % self.n
    def __lt__(self, other):
        return self.n < other.n
objs = [O(i) for i in range(3)]
keys = [("k", i) for i in range(3)]
d = weakref.WeakValueDictionary(zip(keys, objs))
c = copy.copy(d)
dc = copy.deepcopy(d)
print(type(c).__name__, sorted(c.items()), sorted(dc.items()))
print(all(dc[k] is d[k] for k in keys), [k for k in dc if k in keys] == list(dc))
kd = weakref.WeakKeyDictionary((o, [o.n]) for o in objs)
kc = copy.copy(kd)
kdc = copy.deepcopy(kd)
print(type(kc).__name__, sorted(kc.items()), sorted(kdc.items()))
print([kd[o] is kc[o] for o in objs], [kd[o] is kdc[o] for o in objs], [kd[o] == kdc[o] for o in objs])
ws = weakref.WeakSet(objs)
wc = copy.copy(ws)
print(type(wc).__name__, sorted(wc), wc.data is ws.data, sorted(vars(wc)))
wdc = copy.deepcopy(ws)
print(type(wdc).__name__, sorted(wdc), wdc.data is ws.data)
class Sub(weakref.WeakValueDictionary):
    pass
s = Sub(a=objs[0])
print(type(copy.copy(s)).__name__, type(copy.deepcopy(s)).__name__, type(s.copy()).__name__)
