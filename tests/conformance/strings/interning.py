import sys
a = "hello"
b = "hel" + "lo"
print(a is b)
c = "".join(["hel", "lo"])
print(a is c, a == c)
d = sys.intern(c)
print(a is d)
