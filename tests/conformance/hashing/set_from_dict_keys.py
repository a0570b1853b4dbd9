d = {"k" + str(i): i for i in range(12)}
print(set(d))
print(d.keys() | {"extra"})
print(set(d.values()))
