def compute(x, y):
    return x / y
total = compute(
    10,
    0,
)
