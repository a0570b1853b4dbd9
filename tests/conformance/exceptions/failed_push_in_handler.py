# An instruction that pushes a result and fails (LOAD_NAME, IMPORT_FROM, GET_LEN,
# MATCH_KEYS) inside an except block at module level: the handled exception must stay
# whole as the new one's __context__, with its message and traceback, and its count must
# not drop.
import sys

def show(label, exc):
    ctx = exc.__context__
    print(label, type(exc).__name__, repr(ctx), ctx.__traceback__ is not None)

try:
    raise ValueError("handled one")
except ValueError as first:
    kept = first
    try:
        undefined_name
    except NameError as e:
        show("LOAD_NAME", e)
print(sys.getrefcount(kept), repr(kept), kept.args)
del kept

try:
    raise KeyError("k")
except KeyError:
    try:
        from sys import no_such_name
    except ImportError as e:
        show("IMPORT_FROM", e)

class BadLen(list):
    def __len__(self):
        raise RuntimeError("len failed")

try:
    raise TypeError("t")
except TypeError:
    try:
        match BadLen([1, 2]):
            case [a, b]:
                pass
    except RuntimeError as e:
        show("GET_LEN", e)

class BadMapping(dict):
    def get(self, key, default=None):
        raise RuntimeError("get failed")

try:
    raise OSError("o")
except OSError:
    try:
        match BadMapping(a=1):
            case {"a": 1}:
                pass
    except RuntimeError as e:
        show("MATCH_KEYS", e)

# The same at the top level, uncaught: the traceback shows the whole chain.
try:
    raise ValueError("the first")
except ValueError:
    undefined_at_top
