big = 2 ** 200
shift = 1 << 200
rep = "x" * 5000
mul = 10 ** 40 * 10 ** 40
div0 = 1 / 0 if False else None
