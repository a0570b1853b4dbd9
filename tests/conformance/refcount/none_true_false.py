import sys
start = sys.getrefcount(None)
l = [None] * 100
with_list = sys.getrefcount(None)
del l
after = sys.getrefcount(None)
t = sys.getrefcount(True)
bools = [True] * 5
with_bools = sys.getrefcount(True)
print(with_list - start, after - start, with_bools - t)
