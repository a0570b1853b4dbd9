def f(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2:
            return "small"
        case "s":
            return "string"
        case None:
            return "none"
        case True:
            return "true"
        case _:
            return "other"
