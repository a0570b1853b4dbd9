class Grid:
    def __init__(self):
        self.cells = {}
    def __getitem__(self, key):
        print("get", key)
        return self.cells.get(key, 0)
    def __setitem__(self, key, v):
        print("set", key, v)
        self.cells[key] = v
    def __delitem__(self, key):
        print("del", key)
        del self.cells[key]
    def __contains__(self, key):
        return key in self.cells
    def __len__(self):
        return len(self.cells)
g = Grid()
g[1, 2] = "a"
print(g[1, 2], g[0, 0], (1, 2) in g, len(g))
g[5] = "five"
del g[1, 2]
print(len(g), (1, 2) in g, 5 in g)
try:
    del g[9]
except KeyError as e:
    print("KeyError", e)
