class MyList(list):
    def __del__(self):
        print("del MyList of", len(self))
class MyDict(dict):
    def __del__(self):
        print("del MyDict", sorted(self))
l = MyList([1, 2, 3])
d = MyDict(a=1)
del l
del d
print("end")
