def make_adders():
    adders = []
    for n in range(3):
        def adder(x, n=n):
            return x + n
        adders.append(adder)
    return adders
print([a(10) for a in make_adders()])
def make_mul(k):
    return lambda x: x * k
muls = [make_mul(k) for k in range(3)]
print([m(5) for m in muls])
