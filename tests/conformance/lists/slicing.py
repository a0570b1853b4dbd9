l = list(range(10))
print(l[2:5], l[::3], l[::-2], l[-3:], l[:-7], l[8:2:-2])
l[2:5] = ["a", "b"]
print(l)
l[::2] = [0] * 5
print(l)
del l[1::2]
print(l)
l[1:1] = [9, 9]
print(l)
try:
    l[::2] = [1]
except ValueError as e:
    print(e)
