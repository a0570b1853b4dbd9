# Modules compiled into the interpreter say so in their repr, whichever way they were made.
import sys, gc, atexit, builtins, _weakref, itertools, time

for m in (sys, gc, atexit, builtins, _weakref, itertools, time):
    print(repr(m), m.__name__ in sys.builtin_module_names)
print(str(sys))
print(f"{gc!r:>30}|")
