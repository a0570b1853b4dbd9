def f(x: int, y: "str" = "a") -> list:
    return [x, y]
print(f.__annotations__)
print(f(1))
