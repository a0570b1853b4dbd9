def parse(s):
    return int(s)
def total(values):
    return sum(values)
print(total([parse("1"), parse("2"), parse("x")]))
