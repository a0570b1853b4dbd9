class D:
    def __init__(self, name, other=None):
        self.name = name
        self.other = other
    def __del__(self):
        print("enter del", self.name)
        self.other = None
        print("leave del", self.name)
x = D("outer", D("inner"))
del x
print("end")
