class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(0, y):
            return "on y axis at " + str(y)
        case Point(x=x, y=0):
            return "on x axis at " + str(x)
        case Point():
            return "elsewhere"
        case _:
            return "not a point"
for p in (Point(0, 0), Point(0, 5), Point(4, 0), Point(1, 1), 7):
    print(where(p))
