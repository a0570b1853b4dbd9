d = {1: "int"}
d[1.0] = "float"
d[True] = "bool"
print(d)
e = {True: "bool", 1: "int"}
print(e)
print({0: "a", False: "b", 0.0: "c"})
print(d[1], d[1.0], d[True])
