def sign(x):
    return "neg" if x < 0 else "zero" if x == 0 else "pos"

y = 1 if sign(3) else 2
