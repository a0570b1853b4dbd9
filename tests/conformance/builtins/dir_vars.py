class C:
    cls_attr = 1
    def __init__(self):
        self.inst = 2
    def meth(self):
        pass
names = dir(C())
print([n for n in names if not n.startswith("__")])
print(vars(C()), "meth" in vars(C))
print(sorted(n for n in dir([]) if not n.startswith("_")))
