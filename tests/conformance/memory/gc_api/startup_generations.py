# Where the objects of start-up live when a script's first line runs: CPython's start-up
# ends with a collection of generation 1, so the __main__ module, its dict, sys.modules and
# the builtins are in generation 2, and what the script makes is in generation 0. Full
# collections scan generation 2, then 1, then 0, so that order shows in what they find
# first: here which nested tuple each collection untracks.
import gc
import sys
import builtins

gc.disable()


def generation(o):
    for i in range(3):
        if any(x is o for x in gc.get_objects(i)):
            return i
    return None


print(generation(globals()), generation(sys.modules["__main__"]), generation(sys.modules))
print(generation(builtins.__dict__), generation(sys.__dict__))
made = []
print(generation(made))

a, b = 5, 6
holder = []
t1 = (a, b)
t2 = (a, b, t1)
holder.append(t2)
t3 = (t2, t1)
holder.append(t3)
objs = [t1, t2, t3]
del t1, t2, t3
for _ in range(3):
    gc.collect()
    print([gc.is_tracked(o) for o in objs])
print(generation(globals()), generation(made), generation(objs))
