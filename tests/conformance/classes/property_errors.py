# The AttributeError of a property without a getter, setter or deleter names the property
# and the owner's qualified name (3.11)


class Temp:
    def __init__(self):
        self._c = 0

    @property
    def celsius(self):
        return self._c

    only_set = property(None, lambda self, v: None)

    class Inner:
        @property
        def value(self):
            return 1


t = Temp()
for action in (
    lambda: setattr(t, "celsius", 3),
    lambda: delattr(t, "celsius"),
    lambda: t.only_set,
    lambda: setattr(Temp.Inner(), "value", 2),
    lambda: property().__get__(t, Temp),
    lambda: property().__set__(t, 1),
):
    try:
        action()
    except AttributeError as e:
        print(e)
p = property(lambda self: 1)
p.__set_name__(Temp, "late")
try:
    p.__set__(t, 5)
except AttributeError as e:
    print(e)
q = p.setter(lambda self, v: None).deleter(None)
try:
    q.__delete__(t)
except AttributeError as e:
    print(e)
