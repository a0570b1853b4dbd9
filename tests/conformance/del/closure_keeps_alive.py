class D:
    def __del__(self):
        print("del D")
def make():
    d = D()
    def use():
        return d
    return use
f = make()
print("closure alive")
del f
print("end")
