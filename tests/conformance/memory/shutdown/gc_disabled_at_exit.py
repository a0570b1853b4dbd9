# With the collector disabled, Py_FinalizeEx skips its first full collection, so the
# objects keep their order in the generation: containers no longer send theirs last.
import gc


class D:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


gc.disable()
a = D(1)
items = [D(2)]
b = D(3)
c = (D(4),)
d = D(5)
print("script ends")
