import sys
a = "same literal text!"
b = "same literal text!"
print(a is b)
print(sys.getrefcount(a))
