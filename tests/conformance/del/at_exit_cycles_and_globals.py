# At exit: garbage cycles go in the first collection, then __main__'s globals (a cycle
# through the functions' __globals__) in the collector's order
import gc


class D:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def make_cycle(name):
    d = D(name)
    d.self = d


make_cycle("cycle")
first = D("first")
pair = [D("in list"), D("in list too")]
mapping = {"k": D("in dict")}
last = D("last")
print("gc enabled", gc.isenabled())
print("script ends")
