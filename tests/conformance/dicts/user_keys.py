class Key:
    def __init__(self, name):
        self.name = name
    def __hash__(self):
        print("hash", self.name)
        return 42
    def __eq__(self, other):
        print("eq", self.name, other.name)
        return self.name == other.name
a = Key("a")
b = Key("b")
a2 = Key("a")
d = {}
d[a] = 1
d[b] = 2
print(d[a2])
print(b in d)
