# A comparison that is not followed by a conditional jump is not specialized in CPython
# 3.11: PyObject_RichCompare checks the recursion limit, so at the deepest level the
# comparison itself can be what raises ("in comparison").
def via_filter(n):
    return n == 0 or bool(list(filter(via_filter, [n - 1])))


def plain(n):
    return n == 0 or plain(n - 1)


def reach(f):
    lo, hi, msg = 1, 3000, None
    while lo < hi:
        mid = (lo + hi + 1) // 2
        try:
            f(mid)
            lo = mid
        except RecursionError as e:
            hi = mid - 1
            msg = str(e)
    return lo, msg


for f in (via_filter, plain):
    print(f.__name__, *reach(f))
