# Only a coroutine that never started warns: one that ran, finished or was closed does not.
async def work():
    return "done"


c = work()
try:
    c.send(None)
except StopIteration as e:
    print("finished:", e.value)
del c

c = work()
c.close()
del c
print("closed")

c = work()
del c
print("end")
