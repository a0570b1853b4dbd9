class D:
    def __del__(self):
        print("del D")
def fail():
    obj = D()
    raise RuntimeError("x")
try:
    fail()
except RuntimeError:
    print("in except")
print("after except")
