# dis.dis over the kinds of object it takes: functions, methods, classes (each function in
# the class's namespace, sorted by name), source strings (an expression compiles in 'eval'
# mode), bytes of bytecode, generators; depth and show_caches.
import dis


def add(a, b=1):
    total = a + b
    if total > 10:
        return total - 10
    return total


def loop(items):
    count = 0
    for item in items:
        if item is None:
            continue
        count += item
    else:
        count *= 2
    return count


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x ** 2 + self.y ** 2

    @classmethod
    def origin(cls):
        return cls(0, 0)

    @staticmethod
    def describe():
        return "point"


def gen(n):
    yield n
    yield n + 1


dis.dis(add)
print("----")
dis.dis(loop)
print("----")
dis.dis(Point)
print("----")
dis.dis(Point(1, 2).norm2)
print("----")
dis.dis("a * b + c")
print("----")
dis.dis("x = 1\ny = x * 2\nprint(y)")
print("----")
dis.dis(add.__code__.co_code)
print("----")
dis.dis(gen(3))
print("----")
dis.dis(add, show_caches=True)
print("----")
dis.disassemble(loop.__code__)
print("----")
dis.disco(add.__code__, lasti=8)
