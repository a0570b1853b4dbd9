class Base:
    def __init__(self, x):
        print("Base init", x)
        self.x = x
class Mid(Base):
    def __init__(self, x):
        print("Mid init")
        super(Mid, self).__init__(x * 2)
class Leaf(Mid):
    def __init__(self):
        print("Leaf init")
        Mid.__init__(self, 5)
l = Leaf()
print(l.x)
