class F(float): pass
class I(int): pass
class S(str): pass
class B(int): pass
for v in (1.5, F(1.5), 3, I(3), True, "s", S("s")):
    for code in ("d", "s", "x", "\x01", "\x7f", "é", "c"):
        try: print(type(v).__name__, repr(code), format(v, code))
        except (ValueError, TypeError, OverflowError) as e: print(type(v).__name__, repr(code), type(e).__name__, e)
print(format(I(65), "c"), format(True, "d"), f"{F(2.5):.1f}", f"{S('ab'):>4}")
