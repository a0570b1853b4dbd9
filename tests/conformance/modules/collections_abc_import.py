# import collections.abc: the parent is imported first and the submodule is bound on it
import collections.abc
import collections.abc as cabc
from collections.abc import Iterable, MutableMapping
import sys
print(collections.abc.Sequence, cabc is collections.abc, Iterable, MutableMapping)
print(isinstance([], collections.abc.MutableSequence), issubclass(dict, cabc.Mapping))
print('collections.abc' in sys.modules, sys.modules['collections.abc'] is collections.abc)
try:
    import collections.nothing
except ModuleNotFoundError as e:
    print(type(e).__name__, e.name)
