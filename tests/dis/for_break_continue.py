def f(items):
    out = []
    for x in items:
        if x is None:
            continue
        if x == "stop":
            break
        out.append(x)
    return out
