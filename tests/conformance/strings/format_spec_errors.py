# A format spec with more than one character left where the type should be: the error names
# the spec and the type of the object formatted.
for v in [5, True, 2.5, 1 + 2j, "abc", 2**70, -0.0]:
    for spec in ["1_000", "ABC def", "%s-%d", "\t\n", "xx", "5.2ff", "<<5d", "", "x"]:
        try:
            print(repr(format(v, spec)))
        except ValueError as e:
            print(type(v).__name__, repr(spec), e)


class I(int):
    pass


for f in [lambda: format(I(3), "zz"), lambda: "{:zz}".format(3.5), lambda: f"{3:qq}",
          lambda: "{:,_d}".format(3), lambda: format(2.5, ".f")]:
    try:
        print(f())
    except ValueError as e:
        print(e)
