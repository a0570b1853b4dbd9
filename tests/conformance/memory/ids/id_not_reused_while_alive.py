keep = []
ids = set()
for i in range(100):
    o = object()
    keep.append(o)
    ids.add(id(o))
print(len(ids))
