t = (1, "a", 2.5)
print(t, t[1], t[-1], t[:2], len(t), t + (3,), t * 2, t.count(1), t.index("a"))
print((), (1,), tuple("ab"), tuple([1, 2]), (1, 2) < (1, 3), (1,) == (1,))
a, b, c = t
print(a, b, c)
try:
    t[0] = 9
except TypeError as e:
    print(e)
