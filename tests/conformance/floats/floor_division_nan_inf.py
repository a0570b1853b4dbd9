# float %, // and divmod() with infinities, NaNs and signed zeros, as float_rem and
# _float_div_mod compute them (a NaN remainder is "true" in C's test), in a loop that gets
# compiled and as constants the compiler folds.
def f(a, b):
    return (a % b, a // b, divmod(a, b))


xs = [float("inf"), -float("inf"), float("nan"), -0.0, 0.0, 7.5, -7.5, 1e300, -1e-300]
ys = [3.0, -3.0, 1e300, float("inf"), -float("inf"), 0.5]
for k in range(200):
    out = [f(x, y) for x in xs for y in ys]
print(out)
print(1e309 % 3.0, 1e309 // 1e300, -0.0 // 1e300, -1e309 % -2.0, divmod(-0.0, 5.0))
i = 5
print(i % 2.5, i // float("inf"), (-i) // float("inf"), divmod(-i, float("inf")))
print(OSError, float("inf").__floordiv__(1e300), (-0.0).__floordiv__(1e300))
