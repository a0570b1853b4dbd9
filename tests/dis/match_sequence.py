def f(x):
    match x:
        case []:
            return 0
        case [a]:
            return a
        case [a, b]:
            return a + b
        case [first, *rest]:
            return rest
