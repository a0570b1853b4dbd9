class D:
    def __init__(self, name, *children):
        self.name = name
        self.children = list(children)
    def __del__(self):
        print("del", self.name)
tree = D("root", D("left", D("left.leaf")), D("right", D("right.leaf")))
del tree
print("end")
