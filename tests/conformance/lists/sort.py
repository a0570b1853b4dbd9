words = ["banana", "Apple", "cherry", "date", "Elder"]
print(sorted(words), sorted(words, key=len), sorted(words, key=str.lower, reverse=True))
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "a")]
print(sorted(pairs), sorted(pairs, key=lambda p: p[0]))
nums = [5, -3, 2, -8]
nums.sort(key=abs)
print(nums)
try:
    [1, "a"].sort()
except TypeError as e:
    print(e)
