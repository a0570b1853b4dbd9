import sys
l = []
sizes = [sys.getsizeof(l)]
for i in range(70):
    l.append(i)
    sizes.append(sys.getsizeof(l))
print(sizes)
