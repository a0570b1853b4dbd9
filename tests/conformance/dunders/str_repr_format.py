class T:
    def __str__(self):
        return "str-T"
    def __repr__(self):
        return "repr-T"
    def __format__(self, spec):
        return "format-T(" + spec + ")"
t = T()
print(t, str(t), repr(t), format(t, "x>5"), "{:abc}".format(t), f"{t:q}", f"{t!r}", [t])
class OnlyRepr:
    def __repr__(self):
        return "only-repr"
print(str(OnlyRepr()), OnlyRepr())
try:
    format(object(), "d")
except TypeError as e:
    print(e)
