import sys
x = object()
def f():
    total = []
    for i in range(3):
        y = x
        total.append(sys.getrefcount(x))
        del y
    return total
print(f())
