class D:
    def __init__(self, name, child=None):
        self.name = name
        self.child = child
    def __del__(self):
        print("del", self.name)
root = D("root", D("child", D("grandchild")))
del root
print("end")
