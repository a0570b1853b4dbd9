a, b, c = [1, 2, 3]
print(a, b, c)
first, *rest = "hello"
print(first, rest)
*init, last = range(5)
print(init, last)
a, *mid, z = (1, 2, 3, 4, 5)
print(a, mid, z)
(p, q), r = (1, 2), 3
print(p, q, r)
[s, t] = "ab"
print(s, t)
for i, (k, v) in enumerate([("x", 1), ("y", 2)]):
    print(i, k, v)
