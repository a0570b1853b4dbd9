import itertools
print(list(itertools.islice(itertools.count(10, 5), 4)))
print(list(itertools.islice(itertools.cycle("ab"), 5)))
print(list(itertools.repeat("x", 3)))
print(list(itertools.islice(itertools.count(), 2, 10, 3)))
