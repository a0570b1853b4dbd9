def documented(x, y=1):
    "Adds things."
    z = x + y
    return z
print(documented.__name__, documented.__qualname__, documented.__doc__, documented.__module__)
print(documented.__code__.co_argcount, documented.__code__.co_varnames, documented.__defaults__)
documented.custom = 5
print(documented.custom, documented.__dict__)
class K:
    def method(self):
        def inner():
            pass
        return inner
print(K.method.__qualname__, K().method().__qualname__)
