class OnlyIter:
    def __iter__(self):
        print("iterating")
        return iter([1, 2, 3])
print(2 in OnlyIter(), 9 in OnlyIter())
class Contains:
    def __contains__(self, x):
        return x == "yes"
print("yes" in Contains(), "no" in Contains(), "no" not in Contains())
class ReturnsInt:
    def __contains__(self, x):
        return 5
print(1 in ReturnsInt())
