import sys
class Base:
    pass
print(sys.getrefcount(Base))
class Child(Base):
    pass
print(sys.getrefcount(Base))
class Grandchild(Child):
    pass
print(sys.getrefcount(Base), sys.getrefcount(Child))
