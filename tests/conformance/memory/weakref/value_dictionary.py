import weakref
class C:
    def __init__(self, n):
        self.n = n
wvd = weakref.WeakValueDictionary()
a = C(1)
b = C(2)
wvd["a"] = a
wvd["b"] = b
print(sorted(wvd.keys()), wvd["a"].n, len(wvd))
del a
print(sorted(wvd.keys()), "a" in wvd, len(wvd))
try:
    wvd["a"]
except KeyError as e:
    print("KeyError", e)
