squares = {n: n * n for n in range(5)}
print(squares)
inv = {v: k for k, v in squares.items()}
print(inv)
def kw(**kwargs):
    return kwargs
print(kw(**squares.__class__(a=1), b=2))
