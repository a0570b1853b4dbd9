class M:
    def inst(self):
        return "inst", type(self).__name__
    @classmethod
    def cls(cls):
        return "cls", cls.__name__
    @staticmethod
    def stat(x):
        return "stat", x
m = M()
print(m.inst(), m.cls(), M.cls(), m.stat(1), M.stat(2), M.inst(m))
print(type(M.__dict__["cls"]).__name__, type(M.__dict__["stat"]).__name__, type(m.inst).__name__)
print(m.inst.__self__ is m, m.inst.__func__ is M.inst, M.cls.__self__ is M)
