class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y

def f(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return y
        case Point(x, y=0):
            return x
        case int() | float():
            return "number"
