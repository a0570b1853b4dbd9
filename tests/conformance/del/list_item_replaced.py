class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
l = [D("a"), D("b")]
l[0] = D("c")
print("replaced")
l.pop()
print("popped")
l[:] = []
print("emptied")
