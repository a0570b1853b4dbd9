# A method called with keywords (list.sort(key=...)) is never specialized by CPython 3.11: its
# generic vectorcall counts a level of recursion, so the recursion reaches half as deep.
def f(n):
    if n == 0: return 0
    [n - 1].sort(key=f)
    return 1
def reach():
    lo, hi = 1, 3000
    while lo < hi:
        mid = (lo + hi + 1) // 2
        try: f(mid); lo = mid
        except RecursionError: hi = mid - 1
    return lo
print(reach())
def g(n):
    if n == 0: return 0
    [n - 1].sort(key=g, reverse=False)
    return 1
try:
    g(5000)
except RecursionError as e:
    print(e)
