class A:
    def m(self):
        def inner():
            return super(A, self).m
        return inner
