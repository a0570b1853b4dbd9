class D:
    def __del__(self):
        print("del D")
def fail():
    obj = D()
    raise RuntimeError("x")
try:
    fail()
except RuntimeError as e:
    saved = e
print("after except")
del saved
print("after del saved")
