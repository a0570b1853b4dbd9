# Keeps N small objects of one kind alive, for the runner to read the resident set:
# python3 live_objects.py KIND N. KIND is float, instance (one attribute in its __dict__),
# slotted (one slot) or tuple (a pair).
import sys


class Instance:
    def __init__(self, v):
        self.v = v


class Slotted:
    __slots__ = ("v",)

    def __init__(self, v):
        self.v = v


kind = sys.argv[1]
n = int(sys.argv[2])
if kind == "float":
    keep = [i + 0.5 for i in range(n)]
elif kind == "instance":
    keep = [Instance(None) for i in range(n)]
elif kind == "slotted":
    keep = [Slotted(None) for i in range(n)]
elif kind == "tuple":
    keep = [(i, None) for i in range(n)]
else:
    raise SystemExit("unknown kind " + kind)
print(kind, len(keep))
