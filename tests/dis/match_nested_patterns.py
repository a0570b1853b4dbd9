def f(cmd):
    match cmd:
        case ["go", ("north" | "south") as direction]:
            return direction
        case ["pick", {"item": str(name)}]:
            return name
        case [("a", b), *_]:
            return b
