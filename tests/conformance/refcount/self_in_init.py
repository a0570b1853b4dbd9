import sys
class C:
    def __init__(self):
        print("init", sys.getrefcount(self))
    def __new__(cls):
        self = super().__new__(cls)
        print("new", sys.getrefcount(self))
        return self
c = C()
print(sys.getrefcount(c))
