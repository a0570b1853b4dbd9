# Importing the standard modules a lesson uses leaves no cyclic garbage behind: a
# gc.collect() right after finds nothing (so a lesson's first count is its own).
import gc

for name in ("types", "copy", "dis", "dataclasses", "enum", "functools", "collections",
             "contextlib", "weakref", "json", "random", "textwrap", "warnings", "string"):
    __import__(name)
    print(name, gc.collect())
