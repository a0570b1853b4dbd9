class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
t = tuple(D(str(i)) for i in range(4))
del t
print("end")
