class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
l = [D("0"), D("1"), D("2")]
del l
print("---")
t = (D("t0"), D("t1"), D("t2"))
del t
print("end")
