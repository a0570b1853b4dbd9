# At exit the live finalizers whose atexit is true run, newest first, with the collector
# off; one created meanwhile runs too; after that, none runs.
import atexit, gc, weakref
class C:
    pass
keep = [C() for _ in range(5)]
atexit.register(print, "atexit registered before the first finalizer")
def report(name):
    print(name, "gc enabled:", gc.isenabled())
weakref.finalize(keep[0], report, "first")
atexit.register(print, "atexit registered after the first finalizer")
skipped = weakref.finalize(keep[1], report, "not at exit")
skipped.atexit = False
weakref.finalize(keep[2], report, "third")
def make_more():
    print("fourth makes another")
    weakref.finalize(keep[3], report, "made at exit")
weakref.finalize(keep[4], make_more)
dead = weakref.finalize(keep[0], report, "already called")
dead()
def fail():
    raise ValueError("ignored at exit")
late = C()
keep.append(late)
def later():
    print("late one runs, and flips the last")
    last.atexit = False
weakref.finalize(late, later)
last = weakref.finalize(late, report, "last created, first run")
print("end of script", len(atexit.__dict__) > 0)
