Dyn = type("Dyn", (object,), {"x": 5, "hello": lambda self: "hi " + str(self.x)})
d = Dyn()
print(d.hello(), Dyn.__name__, type(d) is Dyn, type(Dyn), type(type))
print(isinstance(Dyn, type), issubclass(Dyn, object))
