class MyInt(int):
    def __repr__(self):
        return "MyInt(" + int.__repr__(self) + ")"
a = MyInt(5)
print(a, repr(a), a + 1, type(a + 1).__name__, isinstance(a, int))
print(MyInt("12"), MyInt(3) * MyInt(4))
