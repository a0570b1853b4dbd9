import weakref
print(weakref.WeakSet[int], weakref.WeakValueDictionary[str, int], weakref.WeakKeyDictionary[int, str])
print(weakref.ref[int], weakref.WeakSet[int].__origin__ is weakref.WeakSet, weakref.KeyedRef[int])
GA = type(list[int])
print(GA(list, int), GA(dict, (str, int)).__args__)
for bad in [lambda: GA(list), lambda: GA(list, int, str), lambda: GA(list, int, x=1)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
