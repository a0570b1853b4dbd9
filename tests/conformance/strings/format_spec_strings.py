print(format("abc", "<6") + "|", format("abc", ">6"), format("abc", "^7") + "|", format("abc", "*<6"), format("abcdef", ".2"), format("abc", "6.2") + "|")
print("{:>{w}}".format("x", w=4), "{0:{1}}".format("y", 3) + "|", "{!r:>6}".format("z"))
try:
    format("abc", "d")
except ValueError as e:
    print(e)
try:
    "{}{}".format(1)
except IndexError as e:
    print(e)
try:
    "{x}".format(y=1)
except KeyError as e:
    print(repr(e))
