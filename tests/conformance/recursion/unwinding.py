# What a RecursionError unwinds through runs as it should: finally blocks, __exit__ of
# with blocks, __del__ of locals, and except handlers that catch and re-raise, one frame
# each; afterwards the frame stack is where it was.
import sys

log = []


class Guard:
    def __init__(self, n):
        self.n = n

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        log.append(("exit", self.n))
        return False


class Noted:
    freed = 0

    def __del__(self):
        Noted.freed += 1


class Deep:
    def __init__(self, n):
        token = Noted()
        try:
            with Guard(n):
                self.inner = Deep(n + 1)
        finally:
            log.append(("finally", n))


def depth():
    f, n = sys._getframe(), 0
    while f is not None:
        f, n = f.f_back, n + 1
    return n


before = depth()
try:
    Deep(0)
except RecursionError as e:
    print("RecursionError:", e)
print(len(log), log[0][0], log[-1], Noted.freed == len(log) // 2)
print(log.count(("finally", 0)), log.count(("exit", 0)))
print("frames back:", depth() == before)


def rethrow(n):
    try:
        return rethrow(n + 1)
    except RecursionError:
        if n % 100 == 0:
            raise
        raise RuntimeError(n) from None


try:
    rethrow(0)
except RuntimeError as e:
    print("RuntimeError", type(e.__context__), e.__cause__)
except RecursionError as e:
    print("RecursionError", e)
print("frames back:", depth() == before)
print(sys.getrefcount(Deep), sys.getrefcount(Guard), sys.getrefcount(Noted))
