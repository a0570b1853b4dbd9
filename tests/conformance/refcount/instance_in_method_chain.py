import sys
class C:
    def me(self):
        return self
    def count(self):
        return sys.getrefcount(self)
c = C()
print(c.me().me().count())
print(sys.getrefcount(c))
