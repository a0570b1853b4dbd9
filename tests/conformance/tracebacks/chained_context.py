def load(key):
    try:
        return {}[key]
    except KeyError:
        raise RuntimeError("could not load " + key)
load("x")
