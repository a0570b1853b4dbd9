import math
print(math.frexp(8.0), math.ldexp(0.5, 4), math.modf(3.75), math.modf(-3.75))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1), math.isclose(1, 1.05, rel_tol=0.1))
print(math.nextafter(1.0, 2.0), math.ulp(1.0), math.fsum([0.1] * 10))
