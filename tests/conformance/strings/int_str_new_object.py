# str() and repr() of an int write its digits into a new str, even for one digit: the result
# is not the cached one-character singleton, and has one reference. Formatting through a
# writer ("%d", format with a spec, str.format) ends with the singleton for one character.
import sys

for n in [0, 5, 9, -1, 10, 42, 256, 999, 1000, 12345, -987, 2**40, -(2**70)]:
    a, b = str(n), str(n)
    r = repr(n)
    f = f"{n}"
    print(n, a is b, a is r, sys.getrefcount(a), sys.getrefcount(r), sys.getrefcount(f),
          sys.getsizeof(a), a == r == f)
one = str(7)
print(one is "7", one == "7", sys.getrefcount(one))
print("%d" % 7 is "7", format(7, "") is "7", format(7, "d") is "7", "{}".format(7) is "7")
print(str(True), repr(False), str(int(3)) is str(3), [str(i) for i in range(3)])


class I(int):
    pass


print(str(I(4)), repr(I(4)), str(I(4)) is "4", sys.getrefcount(str(I(4))))
d = {}
for i in range(12):
    d[str(i % 3)] = d.get(str(i % 3), 0) + 1
print(d)
