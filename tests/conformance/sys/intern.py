import sys
a = "".join(["dyn", "amic"])
b = "".join(["dyn", "amic"])
print(a is b, sys.intern(a) is sys.intern(b))
