# UnicodeEncodeError, UnicodeDecodeError and UnicodeTranslateError: their arguments become
# attributes, and str() writes the message from them.
e = UnicodeEncodeError("ascii", "a€€b", 1, 3, "nope")
print(str(e), e.args, e.encoding, e.object, e.start, e.end, e.reason)
e.start = 1
e.end = 2
print(str(e))
e.reason = "changed"
print(str(e), e.args)
e = UnicodeEncodeError("latin-1", "x\U0001f600", 1, 2, "big")
print(e)
e = UnicodeEncodeError("ascii", "\x7f", 0, 1, "r")
print(e)
e = UnicodeDecodeError("utf-8", b"ab\xff", 2, 3, "bad")
print(str(e), e.object, e.start)
e = UnicodeDecodeError("utf-8", bytearray(b"ab\xff"), 0, 3, "bad")
print(str(e), e.object, type(e.object).__name__)
e = UnicodeTranslateError("a\U0001f600", 1, 2, "x")
print(str(e), e.encoding)
e = UnicodeTranslateError("abc", 0, 2, "y")
print(str(e))
for args in [(), ("a",), (1, "a", 1, 2, "r"), ("a", 1, 1, 2, "r"), ("a", "b", "c", 2, "r")]:
    try:
        UnicodeEncodeError(*args)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    UnicodeDecodeError("utf-8", "text", 0, 1, "r")
except TypeError as e:
    print(e)
print(repr(str(UnicodeEncodeError.__new__(UnicodeEncodeError))))
print(issubclass(UnicodeDecodeError, ValueError), UnicodeError.__mro__[1].__name__)
try:
    "\u20ac".encode("ascii")
except UnicodeError as e:
    print(type(e).__name__, e.args)
