# The order a young collection leaves survivors in follows the order tp_traverse visits
# each object's referents: for an instance of a plain class, its attribute values in the
# order the class's shared keys got their names (not the order this instance set them),
# then its class; for an instance whose __dict__ was made, the dict. Objects reachable only
# through such instances are found unreachable first, then moved back behind the
# instances that reach them, so gc.get_objects(1) shows that order.
import gc


class Leaf:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


class Box:
    pass


def names(objs):
    return [repr(o) for o in objs if type(o) is Leaf]


gc.collect()
gc.disable()

# the class's shared keys get a, b, c in that order
first = Box()
first.a, first.b, first.c = 1, 2, 3

# leaves made before the boxes that hold them: a collection meets each leaf before its box
l1, l2, l3, l4, l5, l6 = (Leaf(n) for n in ("l1", "l2", "l3", "l4", "l5", "l6"))
box = Box()
box.c = l1  # set out of key order: visited as a, b, c all the same
box.a = l2
box.b = l3
other = Box()
other.b = l4
other.__dict__  # a real dict now: visited through it
other.z = l5
listed = Box()
listed.a = [l6]
del l1, l2, l3, l4, l5, l6
gc.collect(0)
print(names(gc.get_objects(1)))

# the same with the collector walking many instances in one generation
gc.collect()
leaves = [Leaf("x%d" % i) for i in range(50)]
chain = [Box() for _ in range(50)]
for i, b in enumerate(chain):
    b.c = leaves[i]
    b.a = leaves[49 - i]
del leaves, b
gc.collect(0)
print(names(gc.get_objects(1)))
gc.enable()
