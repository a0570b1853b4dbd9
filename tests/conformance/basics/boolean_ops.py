print(True and False, True or False, not True)
print(0 or "default")
print("" and "never")
print([] or {} or 0 or None)
print(1 and 2 and 3)
print(None or 0)
print(not 0, not "", not [1])
def side(v):
    print("side", v)
    return v
print(side(0) and side(1))
print(side(1) or side(2))
