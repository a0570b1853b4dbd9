def f(n):
    return [x + n for x in range(n)]

def g(k):
    return {x: [y * k for y in range(x)] for x in range(3)}
