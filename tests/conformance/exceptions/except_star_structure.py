import sys
def show(label, f):
    try:
        f()
    except BaseException as e:
        print(label, "escaped:", type(e).__name__, repr(e))
def nested():
    try:
        raise ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [ValueError(2), TypeError(3)])])
    except* ValueError as e:
        print("caught", repr(e))
show("nested", nested)
def naked():
    try:
        raise ValueError("x")
    except* ValueError as e:
        print("naked", repr(e), e.exceptions[0].__traceback__ is not None)
show("naked", naked)
def reraise_new():
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError("new")
    except* TypeError:
        raise IndexError("new2")
show("new", reraise_new)
def reraise_same():
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise
show("same", reraise_same)
def unmatched():
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError:
        pass
show("unmatched", unmatched)
class MyEG(ExceptionGroup):
    def derive(self, excs):
        return MyEG(self.message + "!", excs)
def sub():
    try:
        raise MyEG("m", [ValueError(1), KeyError(2)])
    except* KeyError as e:
        print("sub", type(e).__name__, repr(e))
show("sub", sub)
def notes():
    eg = ExceptionGroup("n", [ValueError(1), KeyError(2)])
    eg.add_note("a note")
    try:
        raise eg
    except* KeyError as e:
        print("notes", getattr(e, '__notes__', None), e.__traceback__ is not None)
show("notes", notes)
def naked_reraise():
    try:
        raise ValueError("x")
    except* ValueError as e:
        print("wrapped has no traceback:", e.__traceback__ is None)
        print("the leaf keeps its own:", e.exceptions[0].__traceback__ is not None)
        raise
show("naked reraise", naked_reraise)
def exc_info_inside():
    try:
        raise ExceptionGroup("i", [OSError(1), KeyError(2)])
    except* OSError:
        print("exc_info:", repr(sys.exc_info()[1]))
    except* KeyError:
        print("exc_info:", repr(sys.exc_info()[1]))
show("exc_info", exc_info_inside)
def mixed():
    try:
        raise ExceptionGroup("m", [ValueError(1), ExceptionGroup("deep", [TypeError(2), ValueError(3)])])
    except* TypeError:
        raise
    except* ValueError:
        raise RuntimeError("replaced")
show("mixed", mixed)
leaf = ValueError("leaf")
def refs():
    try:
        raise ExceptionGroup("r", [leaf, KeyError(0)])
    except* ValueError as e:
        print("leaf shared:", e.exceptions[0] is leaf)
    except* KeyError:
        pass
refs()
print("leaf refcount after:", sys.getrefcount(leaf))
def uncaught():
    try:
        raise ExceptionGroup("top", [ValueError(1), ExceptionGroup("sub", [TypeError(2)])])
    except* ValueError:
        raise KeyError("from handler")
uncaught()
