class B:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print("bool called")
        return self.v
class Ln:
    def __len__(self):
        print("len called")
        return 0
print(bool(B(True)), not B(False))
print(bool(Ln()), len(Ln()))
if Ln():
    print("no")
else:
    print("empty")
class Bad:
    def __bool__(self):
        return 1
try:
    bool(Bad())
except TypeError as e:
    print(e)
class NegLen:
    def __len__(self):
        return -1
try:
    len(NegLen())
except ValueError as e:
    print(e)
