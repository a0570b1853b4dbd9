fns = [lambda: i for i in range(3)]
print([f() for f in fns])
fns = []
for i in range(3):
    def f():
        return i
    fns.append(f)
i = 100
print([f() for f in fns])
