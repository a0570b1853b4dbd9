# What weak containers hold strongly: WeakValueDictionary holds its keys twice (the dict
# key and the KeyedRef's key), WeakKeyDictionary its values, WeakSet nothing.
import sys, weakref
class K:
    pass
key = "k" + str(12345)
v = K()
base_key, base_v = sys.getrefcount(key), sys.getrefcount(v)
d = weakref.WeakValueDictionary()
d[key] = v
print(sys.getrefcount(key) - base_key, sys.getrefcount(v) - base_v, weakref.getweakrefcount(v))
del d[key]
print(sys.getrefcount(key) - base_key, weakref.getweakrefcount(v))
d[key] = v
del v
print(sys.getrefcount(key) - base_key, len(d))

k = K()
val = ["value"]
base_k, base_val = sys.getrefcount(k), sys.getrefcount(val)
wk = weakref.WeakKeyDictionary()
wk[k] = val
wk[k] = val
print(sys.getrefcount(k) - base_k, sys.getrefcount(val) - base_val, weakref.getweakrefcount(k))
del k
print(sys.getrefcount(val) - base_val, len(wk))

item = K()
base = sys.getrefcount(item)
s = weakref.WeakSet()
s.add(item); s.add(item)
print(sys.getrefcount(item) - base, weakref.getweakrefcount(item), item in s)
s2 = weakref.WeakSet([item])
print(weakref.getweakrefcount(item))
del s
print(weakref.getweakrefcount(item))

def func(*a, **k):
    return a, k
target = K()
arg = ["arg"]
base_func, base_arg = sys.getrefcount(func), sys.getrefcount(arg)
f = weakref.finalize(target, func, arg, key=arg)
print(sys.getrefcount(func) - base_func, sys.getrefcount(arg) - base_arg, sys.getrefcount(f))
print(weakref.getweakrefcount(target), weakref.getweakrefs(target)[0].__callback__ is f)
print(f.detach()[1] is func, sys.getrefcount(func) - base_func, sys.getrefcount(f))

# While a walk over a WeakValueDictionary is suspended, a dying value's key waits in the
# queue (one more reference to the key) until the walk ends.
key = "w" + str(777)
base_key = sys.getrefcount(key)
values = [K(), K()]
d = weakref.WeakValueDictionary({"other": values[1], key: values[0]})
walk = d.values()
print(next(walk) is values[1])
print(sys.getrefcount(key) - base_key)
del values[0]
print(sys.getrefcount(key) - base_key, len(d.data))
del walk
print(sys.getrefcount(key) - base_key, len(d.data))
