class Lazy:
    def __init__(self):
        self.real = 1
    def __getattr__(self, name):
        print("getattr", name)
        if name.startswith("z"):
            raise AttributeError(name)
        return name * 2
l = Lazy()
print(l.real, l.ab, hasattr(l, "zz"), getattr(l, "zq", "dflt"))
class Logged:
    def __getattribute__(self, name):
        print("getattribute", name)
        return object.__getattribute__(self, name)
    def __setattr__(self, name, value):
        print("setattr", name, value)
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        print("delattr", name)
        object.__delattr__(self, name)
g = Logged()
g.x = 5
print(g.x)
del g.x
