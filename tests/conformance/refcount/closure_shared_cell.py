import sys
def make():
    x = object()
    def a():
        return x
    def b():
        return x
    return a, b
a, b = make()
cell = a.__closure__[0]
print(sys.getrefcount(cell))
print(sys.getrefcount(cell.cell_contents))
del b
print(sys.getrefcount(cell))
