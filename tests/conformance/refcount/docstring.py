import sys
def f():
    "A docstring for f."
doc = f.__doc__
print(sys.getrefcount(doc))
