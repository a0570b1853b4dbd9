import math as m
from math import sqrt, pi as PI
from collections import *
print(m.sqrt(16), sqrt(9), PI)
print(deque([1]), namedtuple("T", "a")(1))
import sys
print("math" in sys.modules, "collections" in sys.modules)
try:
    import no_such_module_here
except ModuleNotFoundError as e:
    print(e, e.name)
try:
    from sys import no_such_name
except ImportError as e:
    print(e)
