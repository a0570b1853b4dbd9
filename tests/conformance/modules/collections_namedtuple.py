from collections import namedtuple
Point = namedtuple("Point", ["x", "y"])
p = Point(1, y=2)
print(p, p.x, p[1], p._asdict(), p._replace(x=10), Point._fields, Point._make([5, 6]))
x, y = p
print(x + y, p == (1, 2), isinstance(p, tuple), len(p))
Opt = namedtuple("Opt", "a b c", defaults=[0, 1])
print(Opt(9), Opt._field_defaults)
try:
    p.x = 5
except AttributeError as e:
    print(e)
