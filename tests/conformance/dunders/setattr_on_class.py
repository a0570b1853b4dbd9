class Meta(type):
    def __setattr__(cls, name, value):
        print("class setattr", name, value)
        super().__setattr__(name, value)
class C(metaclass=Meta):
    pass
C.x = 1
print(C.x)
