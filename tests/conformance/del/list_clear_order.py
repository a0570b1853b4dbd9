class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
l = [D("a"), D("b"), D("c")]
l.clear()
print("cleared")
l2 = [D("x"), D("y"), D("z")]
del l2[:]
print("sliced away")
