print("%s and %r" % ("str", "str"))
print("%d %i %5d|%-5d|%05d" % (42, -7, 3, 3, 3))
print("%x %X %o %#x %#o" % (255, 255, 8, 255, 8))
print("%.2f %8.3f %e %g %%" % (3.14159, 2.5, 12345.678, 0.00001))
print("%c%c" % (72, "i"), "%(name)s is %(age)d" % {"name": "Ann", "age": 30})
print("%s" % (1, ), "%s" % [1, 2], "%10s|%-10s|" % ("r", "l"))
try:
    "%d" % "x"
except TypeError as e:
    print(e)
try:
    "%s %s" % ("a",)
except TypeError as e:
    print(e)
