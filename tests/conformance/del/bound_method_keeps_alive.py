class D:
    def __del__(self):
        print("del D")
    def m(self):
        pass
bm = D().m
print("bound method alive")
del bm
print("end")
