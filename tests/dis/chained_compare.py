def between(x, lo, hi):
    return lo <= x < hi

def chain4(a, b, c, d):
    return a < b < c < d
