class Animal:
    def sound(self):
        return "..."
    def describe(self):
        return type(self).__name__ + " goes " + self.sound()
class Cat(Animal):
    def sound(self):
        return "meow"
class Lion(Cat):
    def sound(self):
        return "roar"
for a in (Animal(), Cat(), Lion()):
    print(a.describe())
print(isinstance(Lion(), Animal), issubclass(Cat, Lion), issubclass(Lion, (int, Cat)))
print(Lion.__bases__, Cat.__subclasses__())
