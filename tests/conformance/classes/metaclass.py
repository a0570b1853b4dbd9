class Meta(type):
    def __new__(mcls, name, bases, ns):
        print("creating", name, sorted(k for k in ns if not k.startswith("__")))
        cls = super().__new__(mcls, name, bases, ns)
        cls.tag = name.lower()
        return cls
    def __call__(cls, *args):
        print("calling", cls.__name__)
        return super().__call__(*args)
class Base(metaclass=Meta):
    def m(self):
        pass
class Sub(Base):
    z = 1
s = Sub()
print(Sub.tag, type(Sub).__name__, isinstance(s, Base))
