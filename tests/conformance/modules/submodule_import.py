# A dotted import binds the top package; the submodule is an attribute of it and sits in
# sys.modules under its full name
import sys
import collections.abc

print(collections.abc.Mapping, "collections.abc" in sys.modules)
print(sys.modules["collections.abc"] is collections.abc)
import collections.abc as cabc

print(cabc is collections.abc, cabc.Sequence)
from collections import abc

print(abc is cabc)
for name in ("math.sqrt", "nosuchpkg.sub"):
    try:
        __import__(name)
    except ModuleNotFoundError as e:
        print(type(e).__name__, e, e.name)
