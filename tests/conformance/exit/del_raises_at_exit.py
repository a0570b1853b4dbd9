class Finalizer:
    def __repr__(self):
        return "<Finalizer>"
    def __call__(self):
        raise RuntimeError("during shutdown")
class Bad:
    __del__ = Finalizer()
b = Bad()
print("script ends")
