import weakref
class C:
    def __init__(self):
        self.value = 42
    def double(self):
        return self.value * 2
c = C()
p = weakref.proxy(c)
print(p.value, p.double(), type(p).__name__)
p.value = 5
print(c.value)
del c
try:
    p.value
except ReferenceError as e:
    print(e)
