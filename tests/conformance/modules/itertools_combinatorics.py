import itertools
print(list(itertools.product("ab", repeat=2)))
print(list(itertools.product([1, 2], "xy")))
print(list(itertools.permutations([1, 2, 3], 2)))
print(list(itertools.combinations("abcd", 2)))
print(list(itertools.combinations_with_replacement("ab", 2)))
