# A suspended generator refers to its code, name and qualname, then to what its frame holds,
# in _PyFrame_Traverse's order: the frame object and f_locals once made, the function, the
# code, then the locals and the value stack (here the for loop's iterator).
import gc

def pairs(items):
    for item in items:
        yield item, len(items)

gen = pairs(["ab", "cde"])
print(next(gen))
print([type(r).__name__ for r in gc.get_referents(gen)])
frame = gen.gi_frame
locals_seen = frame.f_locals
print([type(r).__name__ for r in gc.get_referents(gen)])
list(gen)
print([type(r).__name__ for r in gc.get_referents(gen)], gc.get_referents(gen)[1:])
