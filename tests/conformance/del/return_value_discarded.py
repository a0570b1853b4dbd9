class D:
    def __del__(self):
        print("del D")
def make():
    return D()
make()
print("after call statement")
v = make()
print("bound")
