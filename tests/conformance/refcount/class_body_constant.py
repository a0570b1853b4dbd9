import sys
class C:
    attr = "class body text"
print(sys.getrefcount(C.attr))
