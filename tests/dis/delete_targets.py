x = 1
del x
d = {1: 2, 3: 4}
del d[1]
class C: pass
c = C()
c.a = 1
del c.a
y, z = 1, 2
del y, z
