import random
random.seed(42)
print(random.random())
print(random.random())
print(random.randint(1, 100), random.randint(1, 100))
print(random.randrange(0, 100, 5), random.uniform(1, 2))
print(random.choice("abcdef"), random.getrandbits(64))
