import weakref
class K:
    def __init__(self, name):
        self.name = name
wkd = weakref.WeakKeyDictionary()
k1 = K("one")
k2 = K("two")
wkd[k1] = "first"
wkd[k2] = "second"
print(len(wkd), wkd[k1], sorted(k.name for k in wkd))
del k1
print(len(wkd), [k.name for k in wkd])
