d = {"list": [1, 2], "tuple": (3,), "dict": {"inner": None}, 1.5: "f", (1, 2): "t", None: True}
print(d)
print(str(d) == repr(d))
print({})
print({"quote'": 'dq"'})
