class A:
    x = "A.x"
    y = "A.y"
class B(A):
    x = "B.x"
b = B()
print(b.x, b.y)
A.y = "changed"
print(b.y)
del B.x
print(b.x)
