class Dog:
    species = "canis"
    def __init__(self, name):
        self.name = name
    def speak(self):
        return self.name + " says woof"
d = Dog("Rex")
print(d.speak(), d.species, Dog.species, d.name, type(d).__name__, isinstance(d, Dog))
d.species = "own"
print(d.species, Dog.species)
print(sorted(vars(d)), Dog.__name__, Dog.__qualname__, Dog.__module__)
