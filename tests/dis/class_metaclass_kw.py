class Meta(type):
    pass

class C(object, metaclass=Meta):
    pass

bases = (object,)
class D(*bases, **{}):
    pass
