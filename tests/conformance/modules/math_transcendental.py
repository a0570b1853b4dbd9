import math
print(math.exp(1), math.log(math.e), math.log(8, 2), math.log2(1024), math.log10(0.001), math.log1p(1e-10))
print(math.sin(math.pi / 2), math.cos(0), math.tan(math.pi / 4), math.atan2(1, 1), math.asin(1), math.acos(1))
print(math.sinh(1), math.cosh(1), math.tanh(0.5), math.degrees(math.pi), math.radians(180))
print(math.pow(2, 0.5), math.expm1(1e-5), math.erf(1), math.gamma(5), math.lgamma(10))
