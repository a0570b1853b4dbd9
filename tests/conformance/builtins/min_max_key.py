words = ["pear", "fig", "banana", "kiwi"]
print(max(words, key=len), min(words, key=len), max(words), min(*words))
print(max([3, 1, 3], key=lambda v: v), max([(1, "a"), (1, "b")], key=lambda t: t[0]))
