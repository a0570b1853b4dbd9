import random
random.seed(7)
a = [random.random() for _ in range(3)]
random.seed(7)
b = [random.random() for _ in range(3)]
print(a == b, a)
random.seed("a string seed")
print(random.random())
random.seed(2 ** 100)
print(random.random())
r = random.Random(99)
print(r.random(), r.randint(0, 10))
