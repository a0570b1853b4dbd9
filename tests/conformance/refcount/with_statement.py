import sys
class CM:
    def __enter__(self):
        return self
    def __exit__(self, *args):
        print("in exit", sys.getrefcount(self))
cm = CM()
print(sys.getrefcount(cm))
with cm as bound:
    print("in body", sys.getrefcount(cm))
print(sys.getrefcount(cm))
