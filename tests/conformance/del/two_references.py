class D:
    def __del__(self):
        print("del runs")
a = D()
b = a
del a
print("a deleted, b alive")
del b
print("both deleted")
