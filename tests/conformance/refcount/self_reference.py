import sys
l = []
l.append(l)
print(sys.getrefcount(l))
d = {}
d["me"] = d
d["again"] = d
print(sys.getrefcount(d))
