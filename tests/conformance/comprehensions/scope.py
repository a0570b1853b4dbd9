x = "outer"
result = [x for x in range(3)]
print(x, result)
y = 10
print([y + i for i in range(3)])
class C:
    v = 5
    items = [i for i in range(3)]
print(C.items)
