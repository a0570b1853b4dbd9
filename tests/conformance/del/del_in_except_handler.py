class D:
    def __del__(self):
        print("del D")
try:
    d = D()
    raise ValueError
except ValueError:
    del d
    print("handler after del")
