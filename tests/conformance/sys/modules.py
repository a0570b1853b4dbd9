import sys
import math
print("sys" in sys.modules, "math" in sys.modules, sys.modules["math"] is math)
print(sys.modules["__main__"].__name__, __name__)
