class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, *, times=1):
        return (x + self.n) * times
a = Adder(10)
print(a(5), a(5, times=3), callable(a), callable(Adder))
try:
    Adder(1)(1, 2)
except TypeError as e:
    print(e)
