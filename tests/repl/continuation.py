if True:
    a = 1
    b = 2

a + b
(1 +
 2)
"""two
lines"""
