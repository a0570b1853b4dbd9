class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
def f():
    a = D("a")
    b = D("b")
    c = D("c")
    print("returning")
f()
print("after call")
