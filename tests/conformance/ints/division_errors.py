ops = [
    ("1 // 0", lambda: 1 // 0),
    ("1 % 0", lambda: 1 % 0),
    ("1 / 0", lambda: 1 / 0),
    ("divmod(1, 0)", lambda: divmod(1, 0)),
    ("2 ** 100 // 0", lambda: 2 ** 100 // 0),
    ("2 ** 10000 / 0", lambda: 2 ** 10000 / 0),
]
for text, op in ops:
    try:
        op()
    except ZeroDivisionError as e:
        print(text, "->", e)
