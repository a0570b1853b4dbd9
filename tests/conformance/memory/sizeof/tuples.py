import sys
for n in range(0, 12):
    print(n, sys.getsizeof(tuple(range(n))))
