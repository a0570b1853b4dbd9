import gc
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
gc.collect()
objs = [D(str(i)) for i in range(5)]
for i in range(5):
    objs[i].prev = objs[i - 1]
del objs
gc.collect()
print("end")
