class Circle:
    def __init__(self):
        self._r = None
    @property
    def area(self):
        return 3.14 * self._r ** 2
print(Circle().area)
