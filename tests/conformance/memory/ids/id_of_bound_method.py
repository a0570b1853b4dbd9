class C:
    def m(self):
        pass
c = C()
print(c.m is c.m, c.m == c.m, id(c.m) == id(c.m))
