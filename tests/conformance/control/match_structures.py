def parse(cmd):
    match cmd:
        case ["go", direction]:
            return "go " + direction
        case ["pick", *items]:
            return "pick " + ",".join(items)
        case {"action": act, "n": int(n)}:
            return act + " x" + str(n)
        case (x, y) if x == y:
            return "pair of equals"
        case (x, y):
            return "pair"
        case _:
            return "unknown"
for c in (["go", "north"], ["pick", "a", "b"], {"action": "jump", "n": 3}, (1, 1), (1, 2), "x"):
    print(parse(c))
