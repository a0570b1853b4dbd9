import sys
print(sys.getsizeof([]), sys.getsizeof([1]), sys.getsizeof([1, 2, 3]), sys.getsizeof([0] * 10), sys.getsizeof(list(range(10))))
l = [1, 2, 3, 4, 5, 6, 7, 8]
l.pop()
print(sys.getsizeof(l))
while len(l) > 1:
    l.pop()
    print(len(l), sys.getsizeof(l))
l.clear()
print(sys.getsizeof(l))
print(sys.getsizeof([x for x in range(10)]), sys.getsizeof(list(x for x in range(10))))
