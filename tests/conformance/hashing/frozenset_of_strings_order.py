words = ["north", "south", "east", "west", "up", "down"]
print(frozenset(words))
print(sorted(frozenset(words)) == sorted(words))
print({frozenset(["a", "b"]), frozenset(["c"])})
