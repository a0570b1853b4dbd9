class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
    def __hash__(self):
        return self.n
s = {D(1), D(2), D(3)}
print("clearing")
s.clear()
print("cleared")
