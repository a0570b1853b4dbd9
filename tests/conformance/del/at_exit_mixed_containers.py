class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
a = D(1)
items = [D(2)]
b = D(3)
c = (D(4),)
d = D(5)
print("script ends")
