class Outer:
    class Inner:
        def m(self):
            return "inner"

    def make(self):
        return self.Inner()
