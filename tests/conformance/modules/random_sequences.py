import random
random.seed(12345)
l = list(range(10))
random.shuffle(l)
print(l)
print(random.sample(range(100), 5))
print(random.choices("abc", k=6))
print(random.choices("abc", weights=[10, 1, 1], k=6))
