def has_neg(items):
    for x in items:
        if x < 0:
            break
    else:
        return False
    return True
