class V:
    def __init__(self, v):
        self.v = v
    def __add__(self, other):
        return V(self.v + other.v)
    def __eq__(self, other):
        return self.v == other.v
    def __repr__(self):
        return f"V({self.v!r})"
