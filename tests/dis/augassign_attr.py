class C:
    pass
c = C()
c.n = 1
c.n += 10
c.n *= 2
