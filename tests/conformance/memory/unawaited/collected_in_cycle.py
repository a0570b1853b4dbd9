# A never-awaited coroutine held in a reference cycle warns when the collector finalizes
# it: the warning names the gc.collect() line.
import gc


async def task():
    return 0


class Holder:
    pass


gc.disable()
h = Holder()
h.me = h
h.coro = task()
del h
print("before collect")
print(gc.collect() > 0)
print("after collect")
