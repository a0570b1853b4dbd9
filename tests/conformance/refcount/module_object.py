import sys
import math
before = sys.getrefcount(math)
m = math
print(sys.getrefcount(math) - before)
import math as m2
print(sys.getrefcount(math) - before)
