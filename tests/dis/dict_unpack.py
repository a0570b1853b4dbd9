base = {"a": 1}
extra = {"b": 2}
merged = {**base, **extra}
more = {"z": 0, **base, "y": 5, **extra}
