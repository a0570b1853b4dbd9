import weakref
class C:
    pass
ws = weakref.WeakSet()
items = [C() for _ in range(5)]
for it in items:
    ws.add(it)
print(len(ws), items[0] in ws)
del items[:3]
print(len(ws))
items.clear()
print(len(ws))
del it
print(len(ws), list(ws))
