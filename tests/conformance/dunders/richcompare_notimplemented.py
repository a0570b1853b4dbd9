class A:
    def __eq__(self, o):
        print("A.eq")
        return NotImplemented
class B:
    def __eq__(self, o):
        print("B.eq")
        return NotImplemented
print(A() == B())
print(A() != B())
class C:
    def __lt__(self, o):
        print("C.lt")
        return NotImplemented
class D:
    def __gt__(self, o):
        print("D.gt")
        return True
print(C() < D())
