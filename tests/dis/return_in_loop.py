def first_even(items):
    for x in items:
        if x % 2 == 0:
            return x
    return None
