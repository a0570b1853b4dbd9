class D:
    def __init__(self, n):
        self.n = n
    def __add__(self, other):
        return D(self.n + other)
    def __del__(self):
        print("del", self.n)
x = D(1)
x += 1
print("after first +=")
x += 1
print("after second +=")
