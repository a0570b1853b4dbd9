x = object()
import sys
sys.getrefcount(x)
x
sys.getrefcount(x)
import builtins
builtins._ is x
