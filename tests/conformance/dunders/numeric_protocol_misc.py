class M:
    def __init__(self, v):
        self.v = v
    def __round__(self, n=None):
        return "round " + str(n)
    def __trunc__(self):
        return 9
    def __floor__(self):
        return "floor"
    def __ceil__(self):
        return "ceil"
    def __divmod__(self, o):
        return ("dm", o)
    def __invert__(self):
        return "inverted"
    def __pos__(self):
        return "positive"
    def __lshift__(self, o):
        return "lshift " + str(o)
    def __and__(self, o):
        return "and"
    def __xor__(self, o):
        return "xor"
    def __or__(self, o):
        return "or"
import math
m = M(1)
print(round(m), round(m, 2), math.trunc(m), math.floor(m), math.ceil(m), divmod(m, 3), ~m, +m, m << 2, m & 1, m ^ 1, m | 1)
