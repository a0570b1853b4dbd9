import sys
class A:
    def who(self):
        return "A"
class B(A):
    def who(self):
        return super().who()
before = sys.getrefcount(B)
b = B()
print(b.who())
print(sys.getrefcount(B) - before)
