import sys
inner = [1]
outer = [inner, [inner], (inner,), {"k": inner}]
print(sys.getrefcount(inner))
outer.pop()
print(sys.getrefcount(inner))
outer = None
print(sys.getrefcount(inner))
