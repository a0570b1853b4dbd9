# Calls with keywords in a hot loop (bound by a plan kept per code object, vm/eval.ts
# startKeywordCall) while the defaults and keyword defaults change under them.
def kw(a, b=2, *, c=3):
    return a + b + c


def po(a, b, /, c=1, *, d):
    return (a, b, c, d)


for i in range(12):
    print(kw(i, c=1), kw(i, b=i), kw(a=i), kw(c=i, a=1, b=2), po(1, 2, d=i), po(1, 2, c=5, d=i))
    if i == 4:
        kw.__defaults__ = (10,)
    if i == 6:
        kw.__kwdefaults__ = {"c": 100}
    if i == 8:
        kw.__kwdefaults__ = None
        try:
            kw(i)
        except TypeError as e:
            print(e)
    if i == 9:
        kw.__defaults__ = None
        try:
            kw(i, c=1)
        except TypeError as e:
            print(e)
        kw.__defaults__ = (1,)
        kw.__kwdefaults__ = {"c": 7}
    try:
        kw(i, a=1)
    except TypeError as e:
        print(e)
    try:
        po(1, b=2, d=3)
    except TypeError as e:
        print(e)
    try:
        kw(i, zz=1)
    except TypeError as e:
        print(e)
