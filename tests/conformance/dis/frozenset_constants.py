# Frozenset constants in listings come in the order CPython's sets hold their items
# (PYTHONHASHSEED=0): made in source order, then made again by the constant merging, and
# once more when an item is also an identifier of the source (here: north).
import dis

north = "up"


def where(word):
    if word in {'north', 'south', 'east', 'west'}:
        return 'compass'
    if word in {'alpha', 'beta', 'gamma', 'delta', 'epsilon'}:
        return 'greek'
    if word not in {'red', 'green', 'blue', 'cyan', 'magenta', 'yellow', 'black'}:
        return 'other'
    for k in {'one', 'two', 'three', 'four', 'five'}:
        print(k)
    return 3 in {1.5, 'p', b'z', (1, 'two'), 7, -4}


dis.dis(where)
print({'north', 'south', 'east', 'west'}, {'apple', 'banana', 'cherry'})
