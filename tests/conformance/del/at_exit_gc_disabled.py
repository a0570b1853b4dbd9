# With gc disabled, the first collection at exit is skipped but __main__'s globals still go
import gc


class D:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


cyc = D("cycle")
cyc.me = cyc
del cyc
one = D("one")
two = (D("two"),)
gc.disable()
print("script ends")
