import random
random.seed(2024)
print(random.gauss(0, 1))
print(random.normalvariate(10, 2))
print(random.expovariate(1.5))
print(random.triangular(0, 10, 3))
print(random.betavariate(2, 3))
