class D:
    def __init__(self, n):
        self.n = n
    def __hash__(self):
        return self.n
    def __del__(self):
        print("del", self.n)
s = set()
for n in [7, 2, 9, 4]:
    s.add(D(n))
del s
print("end")
