def f(x):
    match x:
        case [first, *_]:
            return first
        case [*_, last]:
            return last
        case [a, *_, b]:
            return a, b
