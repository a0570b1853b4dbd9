print(float.__name__, (2.5).real, (2.5).imag, (2.5).conjugate())
print(float(2 ** 60), float(-(2 ** 60) - 1))
print(1.7976931348623157e308, 5e-324, 2.2250738585072014e-308)
import sys
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig)
