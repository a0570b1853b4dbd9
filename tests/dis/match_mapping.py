def f(x):
    match x:
        case {}:
            return "empty"
        case {"type": "a", "value": v}:
            return v
        case {"type": t, **rest}:
            return t, rest
