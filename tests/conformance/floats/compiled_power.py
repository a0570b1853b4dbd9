# x ** y of two floats in a compiled loop: the common case (a positive finite base, a finite
# exponent) and every edge float_pow treats apart, with CPython's results and errors.
import math


def power(x, y):
    return x ** y


def ipower(x, y):
    x **= y
    return x


cases = [
    (2.0, 0.5), (2.0, -1.5), (10.0, 308.0), (10.0, 309.0), (10.0, -400.0), (1.0, 1e300),
    (1.0, math.inf), (1.0, math.nan), (0.5, math.inf), (2.0, -math.inf), (0.0, 2.0),
    (0.0, -1.0), (-0.0, 3.0), (-0.0, -3.0), (-2.0, 3.0), (-2.0, 0.5), (-8.0, 1 / 3),
    (math.inf, 2.0), (math.inf, -2.0), (-math.inf, 3.0), (-math.inf, 2.0), (math.nan, 0.0),
    (math.nan, 1.0), (3.0, 0.0), (-3.0, 0.0), (1.5, 2.0), (7.25, -0.25), (1e-300, 2.0),
    (2.0, 1024.0), (2.0, 1023.9), (0.1, -310.0),
]
for rounds in range(12):
    for x, y in cases:
        for f in (power, ipower):
            try:
                r = f(x, y)
                out = repr(r)
            except Exception as e:
                out = f"{type(e).__name__}: {e}"
            if rounds == 11:
                print(f.__name__, repr(x), repr(y), out)
