class Outer:
    class Inner:
        class Deepest:
            pass
        def method(self):
            pass
print(Outer.Inner.__qualname__, Outer.Inner.Deepest.__qualname__, Outer.Inner.method.__qualname__)
print(repr(Outer.Inner), Outer.Inner.__name__, Outer.Inner.__module__)
