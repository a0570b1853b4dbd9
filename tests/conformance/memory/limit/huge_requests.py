# Requests no machine can serve raise MemoryError, and the program goes on.
def attempt(label, make):
    try:
        make()
    except MemoryError as e:
        print(label, "MemoryError", repr(e))
    except OverflowError as e:
        print(label, "OverflowError", e)


attempt("list repeat", lambda: [None] * 10**12)
attempt("tuple repeat", lambda: (None,) * 10**12)
attempt("bytes repeat", lambda: b"x" * 10**13)
attempt("str repeat", lambda: "x" * 10**13)
attempt("bytes(n)", lambda: bytes(10**13))
attempt("bytearray(n)", lambda: bytearray(10**13))
l = [1, 2, 3]


def grow():
    global l
    l *= 10**12


attempt("list *=", grow)
print(l)
print(len([0] * 1000), "still working")
