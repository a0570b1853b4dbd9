class C:
    def which(self):
        return __class__
    def name(self):
        return __class__.__name__
class D(C):
    pass
print(D().which() is C, D().name())
