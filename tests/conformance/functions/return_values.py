def none():
    pass
def multiple():
    return 1, 2, 3
def early(x):
    if x:
        return "early"
    return "late"
print(none(), multiple(), early(1), early(0))
a, b, c = multiple()
print(a + b + c)
