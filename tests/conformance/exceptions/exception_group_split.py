# BaseExceptionGroup: construction rules, derive, split and subgroup (nested groups, type,
# tuple and predicate conditions, metadata copied to the parts)
import sys
eg = ExceptionGroup("group", [ValueError("v"), TypeError("t"), ExceptionGroup("inner", [ValueError("x"), KeyError("k")])])
print(repr(eg), eg.exceptions)
m, r = eg.split(ValueError)
print(repr(m), repr(r))
print(repr(eg.subgroup(lambda e: isinstance(e, KeyError))))
print(eg.subgroup(OSError), eg.split((TypeError, KeyError)))
print(eg.split(ExceptionGroup)[0] is eg)
print(type(BaseExceptionGroup("b", [ValueError()])).__name__, type(BaseExceptionGroup("b", [KeyboardInterrupt()])).__name__)
for bad in [lambda: ExceptionGroup("x", []), lambda: ExceptionGroup("x", [1]), lambda: ExceptionGroup("x", [KeyboardInterrupt()]), lambda: ExceptionGroup(1, [ValueError()]), lambda: ExceptionGroup("x", 5), lambda: eg.split(3)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    raise eg
except ExceptionGroup as caught:
    caught.add_note("a note")
    caught.__cause__ = RuntimeError("cause")
    mm, rr = caught.split(ValueError)
    print(mm.__notes__, rr.__notes__, mm.__notes__ is caught.__notes__, repr(mm.__cause__), mm.__traceback__ is caught.__traceback__, mm.__suppress_context__)
class MyEG(ExceptionGroup):
    def derive(self, excs):
        return MyEG(self.message + "!", excs)
print(repr(MyEG("m", [ValueError(1), TypeError(2)]).split(ValueError)))
e2 = ExceptionGroup("g", (ValueError(1),))
print(sys.getrefcount(e2), e2.args, e2.exceptions)
