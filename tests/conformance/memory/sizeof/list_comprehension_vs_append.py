import sys
a = [i for i in range(100)]
b = []
for i in range(100):
    b.append(i)
c = list(range(100))
d = [0] * 100
print(sys.getsizeof(a), sys.getsizeof(b), sys.getsizeof(c), sys.getsizeof(d))
