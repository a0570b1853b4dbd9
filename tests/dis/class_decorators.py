def register(cls):
    return cls

@register
class C:
    @staticmethod
    def s():
        return 1

    @classmethod
    def c(cls):
        return cls

    @property
    def p(self):
        return 2
