obj = [1]
a = f"{obj!r}"
b = f"{obj!s}"
c = f"{obj!a}"
d = f"{obj!r:>10}"
