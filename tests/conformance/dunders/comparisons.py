class C:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        print("eq", self.v, o.v)
        return self.v == o.v
    def __lt__(self, o):
        print("lt", self.v, o.v)
        return self.v < o.v
print(C(1) == C(1), C(1) != C(2))
print(C(1) < C(2), C(2) > C(1))
try:
    C(1) <= C(2)
except TypeError as e:
    print(e)
print(sorted([C(3), C(1), C(2)], key=lambda c: c.v)[0].v)
