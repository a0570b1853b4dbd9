inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, inf - inf, inf * 0)
print(nan == nan, nan != nan, inf == inf, inf > 1e308)
print(float("-inf"), float("Infinity"), float("  nan "), float("1e500"))
print(nan is nan, [nan] == [nan])
import math
print(math.isnan(nan), math.isinf(-inf), math.isfinite(1.0))
