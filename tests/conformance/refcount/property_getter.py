import sys
class C:
    def __init__(self):
        self._v = object()
    @property
    def v(self):
        return self._v
c = C()
print(sys.getrefcount(c._v))
print(sys.getrefcount(c.v))
held = c.v
print(sys.getrefcount(held))
