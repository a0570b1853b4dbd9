class A:
    def f(self):
        return __class__

class B(A):
    def f(self):
        return super().f()
