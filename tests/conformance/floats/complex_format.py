vals = [3+4j, 1.5+0j, -0.0+2j, 0j, -1-1j, 1e20+1e-5j, complex("nan+infj"), -0j, 2j, complex(-0.0, -0.0), 1234567.891+9876543.21j]
specs = ["", ">20", "<20", "^20", "*^22", ".2f", "+.3e", " g", ".0f", "#.1f", ",.2f", "_", ",", "e", "G", "n", ".3", "+", " ", "10", "z.1f", "12.3g", "#"]
for v in vals:
    print(repr(v), "|".join(format(v, s) for s in specs))
print(f"{3+4j:>12}", "{:.1f}".format(1+2j), f"{(1+2j)!r:>10}")
for bad in ["010", "=10", "%", "d", "x", "s", "0>10"]:
    try: print(format(1+2j, bad))
    except ValueError as e: print("ValueError", e)
try: (1+2j).__format__(5)
except TypeError as e: print("TypeError", e)
class C(complex):
    def __repr__(self): return "C!"
print(format(C(1, 2), ""), format(C(1, 2), ">8"))
class CC(complex): pass
for bad in ["d", "\x01", "\x7f", "é"]:
    try: format(CC(1), bad)
    except ValueError as e: print(e)
