# Which call trips the recursion limit decides the message: a METH_O builtin such as repr()
# is checked on every call, list.append (specialized in CPython 3.11) is not.
n = 0


class M:
    def __repr__(self):
        global n
        n += 1
        return repr(self)


try:
    repr(M())
except RecursionError as e:
    print("RecursionError", e, n)

n = 0


class A:
    def __init__(self):
        self.items = []

    def go(self):
        global n
        n += 1
        self.items.append(n)
        return self.go()


try:
    A().go()
except RecursionError as e:
    print("RecursionError", e, n)

n = 0


class H:
    def __hash__(self):
        global n
        n += 1
        return hash(self)


try:
    hash(H())
except RecursionError as e:
    print("RecursionError", e, n)
