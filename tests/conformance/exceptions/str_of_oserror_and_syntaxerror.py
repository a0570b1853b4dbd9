# OSError's and SyntaxError's str() take str() of errno, strerror and msg (any object) and
# repr() of the filenames, in that order, and free what they made when one of them raises.
import sys


class Loud:
    def __init__(self, name):
        self.name = name

    def __str__(self):
        print("str", self.name)
        return "S" + self.name

    def __repr__(self):
        print("repr", self.name)
        return "R" + self.name


class BadRepr:
    def __repr__(self):
        raise ValueError("no repr")


print(OSError(2, "No such file", "a", None, "b"))
print(OSError(2, "x"))
print(OSError(2, "x", "f"))
print(OSError(Loud("errno"), Loud("strerror"), Loud("file"), None, Loud("file2")))
print(OSError(Loud("errno"), Loud("strerror")))
print(OSError(2.5, [1], 3))
print(OSError(None, None, "f"))
print(FileNotFoundError(2, "nf", "p"))
print(PermissionError(13, "denied", b"bytes-name"))

first = Loud("first")
e = OSError(1, "x", first, None, BadRepr())
before = sys.getrefcount(first)
try:
    str(e)
except ValueError as exc:
    print("ValueError:", exc)
print(sys.getrefcount(first) - before)

print(SyntaxError(5, ("f.py", 1, 0, "x")))
print(SyntaxError(Loud("msg"), ("dir/f.py", 3, 0, "x")))
print(SyntaxError([1, 2], (None, 7, 0, "x")))
print(SyntaxError("plain"))
print(SyntaxError(None, ("f.py", None, 0, "x")))
