class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
class Box:
    pass
b = Box()
b.item = D("one")
b.item = D("two")
print("overwritten")
del b.item
print("attr deleted")
