import sys
class Base:
    def show(self):
        return sys.getrefcount(self)
class Child(Base):
    def show(self):
        return super().show()
c = Child()
print(Base.show(c), c.show())
