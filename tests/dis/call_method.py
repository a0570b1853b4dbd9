s = "Hello"
s.upper()
s.replace("l", "L")
s.split(sep=",", maxsplit=1)
[1, 2].index(2)
