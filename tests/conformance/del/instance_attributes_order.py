class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
class Holder:
    def __init__(self):
        self.z = D("z")
        self.a = D("a")
        self.m = D("m")
    def __del__(self):
        print("del holder")
h = Holder()
del h
print("end")
