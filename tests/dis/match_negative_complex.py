def f(x):
    match x:
        case -1:
            return "minus one"
        case 1 + 2j:
            return "complex"
        case -2.5:
            return "float"
