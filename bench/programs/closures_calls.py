# Function calls of every shape: keyword arguments, defaults, *args, closures and bound
# methods in a tight loop.
def make_adder(k):
    def add(x):
        return x + k
    return add


def kw(a, b=2, *, c=3):
    return a + b + c


def star(*args):
    return len(args)


class Counter:
    def __init__(self):
        self.n = 0

    def inc(self, by=1):
        self.n += by
        return self.n


add5 = make_adder(5)
c = Counter()
total = 0
for i in range(5000000):
    total += add5(i) + kw(i, c=1) + star(i, i, i) + c.inc()
    total += kw(i, b=i)
print(total, c.n)
