class R:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3 or i < 0:
            raise IndexError(i)
        return "abc"[i]
    def __reversed__(self):
        return iter("custom")
print(list(reversed(R())), list(R()), "b" in R())
class NoRev:
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return [1, 2][i]
print(list(reversed(NoRev())))
