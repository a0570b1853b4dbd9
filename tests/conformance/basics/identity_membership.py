a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c)
print(2 in a, 3 in a, 3 not in a)
print("ell" in "hello", "x" in "hello")
print(None is None)
print(1 in {1: "one"}, "one" in {1: "one"})
