class D:
    def __get__(self, obj, owner):
        return "get"
    def __delete__(self, obj):
        print("delete called")
class C:
    d = D()
c = C()
del c.d
try:
    c.d = 1
except AttributeError as e:
    print(e)
