import sys
s = set()
prev = sys.getsizeof(s)
print(0, prev)
for i in range(100):
    s.add(i)
    n = sys.getsizeof(s)
    if n != prev:
        print(len(s), n)
        prev = n
print(sys.getsizeof(frozenset()), sys.getsizeof(frozenset(range(10))), sys.getsizeof(set(range(10))))
