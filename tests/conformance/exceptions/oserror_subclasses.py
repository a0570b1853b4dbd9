# OSError(errno, strerror) makes the subclass for that errno; a filename shortens args
for errno in (1, 2, 4, 11, 13, 17, 20, 21, 32, 110, 111, 999):
    e = OSError(errno, "message")
    print(errno, type(e).__name__, isinstance(e, OSError), e.errno, e.strerror)
e = OSError(2, "No such file or directory", "missing.txt")
print(repr(e), e.args, e.filename, str(e))
print(type(OSError(2)).__name__, type(OSError("text", "more")).__name__)


class MyError(OSError):
    pass


print(type(MyError(2, "x")).__name__, type(FileNotFoundError(13, "x")).__name__)
try:
    raise OSError(13, "Permission denied")
except PermissionError as caught:
    print("caught", repr(caught))
