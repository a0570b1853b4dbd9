x = 3.14159265
print(format(x, ".2f"), format(x, "10.3f"), format(x, "<10.1f") + "|", format(x, "e"), format(x, ".3e"))
print(format(x, "g"), format(1e-7, "g"), format(1234567.0, "g"), format(x, "%"), format(0.25, ".0%"))
print(format(1234567.891, ","), format(1234567.891, "_.2f"), format(-x, "+.1f"), format(x, "+.1f"))
print(format(x, "012.4f"), format(-x, "012.4f"), format(x, "^12.2f"))
print("%.3f %e %g %10.2f %-8.1f|" % (x, x, x, x, x))
print(format(2.5, ".0f"), format(3.5, ".0f"), format(1e100, ".3g"), format(0.0001234, ".2g"))
print(format(float("inf"), "f"), format(float("nan"), ".2f"), format(-0.0, "f"))
