class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
class Holder:
    pass
h = Holder()
h.second = D("second")
h.first = D("first")
h.third = D("third")
h.first = h.first
del h
print("end")
