import enum
class Color(enum.Enum):
    RED = 1
    GREEN = 2

def f(c):
    match c:
        case Color.RED:
            return "r"
        case Color.GREEN:
            return "g"
