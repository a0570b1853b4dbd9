import sys
def hook(unraisable):
    print("hook:", type(unraisable.exc_value).__name__, unraisable.exc_value)
    print("object is the __del__ function:", unraisable.object is Bad.__del__)
sys.unraisablehook = hook
class Bad:
    def __del__(self):
        x = 1 / 0
def scope():
    b = Bad()
scope()
print("survived")
