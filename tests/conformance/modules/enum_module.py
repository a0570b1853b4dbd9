# enum: Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique, the functional API
import enum
class Num(int, enum.Enum):
    ONE = 1
print(str(Num.ONE), format(Num.ONE), f'{Num.ONE:>8}|', repr(Num.ONE), Num.ONE + 1)
class I(enum.IntEnum):
    A = 1
    B = enum.auto()
print(str(I.A), format(I.A, '03'), repr(I.B), I.A == 1, I(2), I['A'], I.A < I.B, dir(I.A)[:5], len(dir(I)))
class S(enum.StrEnum):
    X = enum.auto()
print(str(S.X), repr(S.X), S.X == 'x', S.X.upper())
class C(enum.Enum):
    R = 1
    def describe(self): return self.name.lower()
    @classmethod
    def first(cls): return list(cls)[0]
print(C.R.describe(), C.first(), hash(C.R) == hash('R'), C.R.__class__, dir(C.R), C.R.name, C.R.value, C.R._name_)
try: C(3)
except ValueError as e: print(e, e.__context__)
try: C['Z']
except KeyError as e: print(repr(e))
E = enum.Enum('E', 'A B C')
print(list(E), E.A.value, E.__module__)
F = enum.Enum('F', [('X', 10), ('Y', 20)])
print(list(F))
try:
  @enum.unique
  class U(enum.Enum):
    A = 1
    B = 1
except ValueError as e: print(e)
class P(enum.Flag):
    R=4; W=2; X=1
try: P(8)
except ValueError as e: print(e)
print(repr(P(7)), P.R.value, list(P), len(P.R|P.W), bool(P(0)), P.R | P.W == P(6), P['R'])
print(repr(enum.auto()), enum.Enum.__members__, C.__members__)
class Color(enum.Enum):
    RED = 1
    GREEN = 2
    ALIAS = 1
print(repr(Color), type(Color), Color.__members__)
try: Color.RED = 3
except Exception as e: print(type(e).__name__, e)
try:
    class C2(Color): pass
except Exception as e: print(type(e).__name__, e)
try: Color.RED < Color.GREEN
except Exception as e: print(type(e).__name__, e)
print(dir(Color), dir(Color.RED))
print(Color.RED.__reduce_ex__(4), Color.ALIAS is Color.RED, list(Color), len(Color), Color.RED in Color)
print(repr(P), repr(P.R|P.W), str(P.R|P.W), repr(P(0)), str(P(0)), list(P.R|P.X), repr(~P.R), P.R in (P.R|P.W))
class N(enum.IntFlag):
    A=1; B=2
print(repr(N.A|N.B), str(N.A|N.B), N.A|4, repr(N(8)), repr(N.A | 8), isinstance(N.A, int))
class Planet(enum.Enum):
    EARTH = (5.97e24, 6.37e6)
    def __init__(self, mass, radius):
        self.mass, self.radius = mass, radius
print(Planet.EARTH.mass, Planet.EARTH.value, Planet((5.97e24, 6.37e6)))
match Color.GREEN:
    case Color.RED: print('red')
    case Color.GREEN: print('green')
print({Color.RED: 1}[Color.ALIAS], Color.RED == 1, Color.RED is Color(1), Color.RED.name)
class Weekday(enum.IntEnum):
    MON = 1
    TUE = 2
    WED = 3
print(sorted([Weekday.WED, Weekday.MON]), Weekday.TUE + 1, max(Weekday), list(reversed(Weekday)))
print([(name, m.value) for name, m in Weekday.__members__.items()], Weekday(3).name)
G = enum.Enum('G', 'X, Y', start=10)
print(list(G), G.X.value, repr(G))
class Shape(str, enum.Enum):
    SQUARE = 'sq'
print(Shape.SQUARE == 'sq', str(Shape.SQUARE), repr(Shape.SQUARE), Shape('sq'))
try:
    del Color.RED
except AttributeError as e:
    print(e)
class Auto(enum.Enum):
    A = enum.auto()
    B = enum.auto()
    C = 10
    D = enum.auto()
print(list(Auto), [m.value for m in Auto])
class Perm(enum.IntFlag):
    R = 4
    W = 2
    X = 1
rw = Perm.R | Perm.W
print(repr(rw), rw, rw & Perm.W, Perm.X in rw, list(rw), repr(~Perm.X), int(rw), rw == 6)
print(enum.Flag.__doc__ is not None, type(Perm), isinstance(Perm.R, Perm), Perm.R.name, Perm(5).name)
