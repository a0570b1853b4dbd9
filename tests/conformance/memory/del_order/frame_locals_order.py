class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
def f(p1, p2):
    local1 = D("local1")
    local2 = D("local2")
f(D("arg1"), D("arg2"))
print("end")
