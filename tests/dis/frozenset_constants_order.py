# Frozenset constants are listed in set iteration order (hashes under PYTHONHASHSEED=0),
# not in the order the source wrote their items.
def classify(word):
    if word in {'alpha', 'beta', 'gamma', 'delta', 'epsilon'}:
        return 'greek'
    if word not in {'red', 'green', 'blue'}:
        return 'other'
    return 'colour'

for name in {'north', 'south', 'east', 'west'}:
    print(classify(name))

mixed = 3 in {1.5, 'p', b'z', (1, 'two'), 7, -4}
