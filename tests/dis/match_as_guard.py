def f(x):
    match x:
        case [a, b] as pair if a == b:
            return pair
        case (1 | 2) as n:
            return n
        case str() as s if len(s) > 3:
            return s
        case other:
            return other
