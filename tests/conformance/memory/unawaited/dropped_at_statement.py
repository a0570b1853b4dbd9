# A coroutine that never ran warns when it is finalized: the warning names the line where
# the program let go of it (an expression statement, a del, a rebinding).
async def fetch():
    return 1


print("start")
fetch()
print("after the statement")
c = fetch()
del c
print("after del")
c = fetch()
c = None
print("end")
