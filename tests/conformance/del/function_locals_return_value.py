class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
def f():
    keep = D("kept")
    drop = D("dropped")
    return keep
r = f()
print("got", r.name)
del r
print("end")
