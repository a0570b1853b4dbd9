class A:
    def __str__(self):
        return "A-str"
    def __repr__(self):
        return "A-repr"
a = A()
print(str(a), repr(a), [a], (a,), {"k": a}, "%s %r" % (a, a), f"{a} {a!r}")
print(str(b"ab", "ascii"), str(bytearray(b"cd"), "utf-8"))
