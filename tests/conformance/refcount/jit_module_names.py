# Module-level loops run compiled (runtime/vm/jit.ts): LOAD_NAME and LOAD_GLOBAL values are
# held out of the stack array and STORE_NAME rebinds the namespace entry in place; what
# Python code can see (the globals dict, counts in __del__, NameError, shadowed builtins,
# class bodies and exec with their own locals) must stay CPython's.
import sys


class D:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        cur = globals().get("xvar")
        print("del", self.n, None if cur is None else sys.getrefcount(cur))


for i in range(20):
    xvar = D(i)
    y = xvar
    xvar = D(i + 100)
    del y
del xvar
total = 0
for i in range(30):
    total = total + i * 1000
    total += i
    a, b = total, i
    a, b = b, a
print(total, a, b, sys.getrefcount(total))
for i in range(12):
    try:
        print(undefined_name)
    except NameError as e:
        print(e)
    if i == 5:
        undefined_name = 3
    if i == 8:
        del undefined_name
for i in range(12):
    if i == 6:
        len = lambda s: 42
    print(len("ab"))
    if i == 9:
        del len
g = globals()
for i in range(12):
    g["viadict"] = i * 7
    print(viadict, g["viadict"])
    viadict = -i
    print(g["viadict"])


class K:
    z = 0
    for i in range(20):
        z += i
    print(z)


space = {"__builtins__": __builtins__}
exec("t = 0\nfor i in range(20):\n    t += i\nprint(t)", space, {})
exec("t = 0\nfor i in range(20):\n    t += i\nprint(t)", space)
print(space["t"])


class Namespace(dict):
    def __getitem__(self, k):
        print("getitem", k)
        return dict.__getitem__(self, k)

    def __setitem__(self, k, v):
        if k == "t":
            print("setitem", k, v)
        dict.__setitem__(self, k, v)


exec("t = 0\nfor i in range(12):\n    t += i\n", {}, Namespace())
for i in range(10):
    last = D(i)
del last
