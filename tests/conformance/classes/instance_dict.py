class A:
    def __init__(self):
        self.b = 2
        self.a = 1
a = A()
print(a.__dict__)
a.__dict__["c"] = 3
print(a.c, vars(a))
a.__dict__ = {"z": 26}
print(a.z, hasattr(a, "a"))
