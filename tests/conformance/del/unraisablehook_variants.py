# sys.unraisablehook: what it receives, a hook that raises, and the default restored
import sys

print(sys.unraisablehook is sys.__unraisablehook__)


class Bad:
    def __del__(self):
        raise ValueError("in del")


def hook(u):
    print(type(u).__name__, u.exc_type.__name__, u.exc_value, u.err_msg)
    print(u.object is Bad.__del__, u.exc_traceback is not None, len(u))


sys.unraisablehook = hook
Bad()


class Failing:
    def __call__(self, u):
        raise KeyError("hook fails")

    def __repr__(self):
        return "<failing hook>"


sys.unraisablehook = Failing()
Bad()
sys.unraisablehook = sys.__unraisablehook__
print(sys.unraisablehook is sys.__unraisablehook__)
print("end")
