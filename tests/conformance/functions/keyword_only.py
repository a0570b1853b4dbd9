def kw(a, *, b, c=3):
    return a + b + c
print(kw(1, b=2), kw(1, c=0, b=5))
try:
    kw(1, 2)
except TypeError as e:
    print(e)
try:
    kw(1)
except TypeError as e:
    print(e)
