import sys
err = KeyError("k")
print(sys.getrefcount(err))
try:
    raise err
except KeyError:
    print(sys.getrefcount(err))
print(sys.getrefcount(err))
