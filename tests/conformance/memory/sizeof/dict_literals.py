import sys
print(sys.getsizeof({}), sys.getsizeof({"a": 1}), sys.getsizeof({1: 1}), sys.getsizeof(dict(a=1, b=2)), sys.getsizeof(dict.fromkeys(range(6))))
d = dict.fromkeys(range(20))
print(sys.getsizeof(d))
for k in range(20):
    del d[k]
print(sys.getsizeof(d))
d.clear()
print(sys.getsizeof(d))
