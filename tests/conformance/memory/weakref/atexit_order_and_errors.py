# atexit callbacks run when the program ends (here by sys.exit), last registered first;
# an exception in one is reported and the others still run; the exit status stays.
import atexit, sys
def hello(*a, **k):
    print("hello", a, k)
class Bad:
    def __call__(self):
        raise ValueError("boom in atexit")
    def __repr__(self):
        return "<the bad callback>"
bad = Bad()
def gone():
    print("never")
atexit.register(hello, 1, x=2)
atexit.register(bad)
atexit.register(gone)
atexit.unregister(gone)
@atexit.register
def last():
    print("registered last, runs first")
print("main done")
sys.exit(3)
