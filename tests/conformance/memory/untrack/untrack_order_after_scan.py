# Which tuples a collection untracks depends on the order it looks at them: an outer tuple
# stays tracked while an inner tuple it holds is still tracked. Objects found reachable
# only through objects made after them are looked at later (move_unreachable sends them
# back to the end of the list), so nesting and creation order decide what each collection
# untracks. is_tracked after each collection, for tuples and dicts, young and full.
import gc

gc.disable()


def show(label, objs):
    print(label, [gc.is_tracked(o) for o in objs])


def build(n):
    a, b = n, n + 1
    inner = (a, b)
    middle = (inner, a)
    outer = (middle, b, "x")
    holder = [outer]
    return holder, outer, middle, inner


holder, outer, middle, inner = build(1)
del outer, middle, inner
h = holder[0]
objs = [h, h[0], h[0][0]]
show("made", objs)
for gen in (0, 0, 0, 0):
    gc.collect(gen)
    show(f"after gen {gen}", objs)

# In functions from here: their locals are roots, so no module dict decides the order.
def later_holders():
    # the tuples are reached first through a list made after them
    a, b = 5, 6
    holder = []
    t1 = (a, b)
    t2 = (a, b, t1)
    holder.append(t2)
    t3 = (t2, t1)
    holder.append(t3)
    objs = [t1, t2, t3]
    del t1, t2, t3
    show("made", objs)
    for gen in (2, 2, 2):
        gc.collect(gen)
        show(f"after gen {gen}", objs)


def dicts_of_tuples():
    # full collections untrack dicts after all tuples
    a, b = 7, 8
    d = {"k": (a, (a, b))}
    e = {"k": [1], "t": (a,)}
    lst = [d, e]
    del d, e
    show("dicts made", lst + [lst[0]["k"], lst[1]["t"]])
    gc.collect(1)
    show("after gen 1", lst + [lst[0]["k"], lst[1]["t"]])
    for _ in range(2):
        gc.collect()
        show("after full", lst + [lst[0]["k"], lst[1]["t"]])


def chain_of_tuples():
    chain = None
    for i in range(6):
        chain = (chain, i)
    box = [chain]
    ts = []
    t = chain
    while t is not None:
        ts.append(t)
        t = t[0]
    del chain, t
    for gen in (0, 1, 2, 2, 2, 2, 2, 2):
        gc.collect(gen)
        show(f"chain after gen {gen}", ts)
    return box


def reversed_chain():
    # each tuple made before the one holding it, all held by a list made last
    ts = []
    t = ()
    for i in range(5):
        t = (t, i)
        ts.append(t)
    keep = [ts[-1]]
    for gen in (2, 2, 2, 2, 2, 2):
        gc.collect(gen)
        show("reversed chain", ts)
    return keep


later_holders()
dicts_of_tuples()
chain_of_tuples()
reversed_chain()
print(gc.collect())
