class H:
    def __init__(self, h, name):
        self.h = h
        self.name = name
    def __hash__(self):
        return self.h
    def __repr__(self):
        return self.name
print({H(3, "c"), H(1, "a"), H(2, "b"), H(9, "i"), H(17, "q")})
print({H(0, "x"), H(8, "y"), H(16, "z")})
