import sys
s = "a string constant with spaces"
print(sys.getrefcount(s))
t = s
print(sys.getrefcount(s))
