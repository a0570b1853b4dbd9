class Base:
    @property
    def name(self):
        return "base"
class Child(Base):
    @property
    def name(self):
        return "child+" + super().name
print(Child().name, Base().name)
p = property(lambda self: 42, doc="answer")
print(p.__doc__, p.fget(None), p.fset)
