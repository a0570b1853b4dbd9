class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
x = D("first")
x = D("second")
print("rebound")
x = None
print("end")
