cases = [
    lambda: [].foo,
    lambda: None + 1,
    lambda: len(None),
    lambda: {}["k"],
    lambda: (1, 2)[5],
    lambda: int(None),
    lambda: undefined_name,
    lambda: "a" < 1,
    lambda: (1).x,
    lambda: object()(),
    lambda: iter(5),
    lambda: -"s",
    lambda: [1][:"a"],
    lambda: {}.fromkeys(1),
    lambda: abs("x"),
]
for c in cases:
    try:
        c()
    except Exception as e:
        print(type(e).__name__ + ":", e)
