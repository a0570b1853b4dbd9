class K:
    def __init__(self, name, h):
        self.name = name
        self.h = h
    def __hash__(self):
        return self.h
    def __eq__(self, other):
        return self.name == other.name
    def __repr__(self):
        return self.name
d = {}
for i, name in enumerate("abcdefgh"):
    d[K(name, i % 2)] = i
print(d)
print(d[K("e", 0)], K("z", 0) in d)
s = {K(n, 8) for n in "pqr"}
print(sorted(s, key=repr))
