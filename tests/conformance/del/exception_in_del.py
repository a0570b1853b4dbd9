class Finalizer:
    def __repr__(self):
        return "<Finalizer of Bad>"
    def __call__(self):
        print("finalizer running")
        raise ValueError("oops in del")
class Bad:
    __del__ = Finalizer()
b = Bad()
del b
print("still running")
