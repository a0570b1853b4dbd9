def f(a, b=2):
    return a * b

f(3)
class Box:
    def __repr__(self):
        return "Box()"

Box()
[Box(), Box()]
