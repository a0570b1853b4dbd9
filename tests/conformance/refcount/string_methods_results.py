import sys
s = "".join(["abc", "def"])
print(sys.getrefcount(s))
t = s.strip()
print(t is s, sys.getrefcount(s))
u = s[:]
print(u is s, sys.getrefcount(s))
v = str(s)
print(v is s, sys.getrefcount(s))
