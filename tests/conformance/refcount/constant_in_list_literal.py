import sys
t = "element text one"
l = ["element text one", "element text one"]
print(l[0] is t, sys.getrefcount(t))
