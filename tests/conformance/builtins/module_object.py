import sys
import math
print(type(math).__name__, math.__name__, sys.__name__, __name__)
m = type(sys)("made_here")
m.value = 3
print(m.__name__, m.value, repr(m))
print(hasattr(math, "sqrt"), "sqrt" in dir(math))
