s = "banana"
print(s.replace("a", "o"), s.replace("a", "o", 2), s.replace("", "-"))
print(s.find("an"), s.find("an", 2), s.find("x"), s.rfind("an"), s.index("n"), s.rindex("n"))
print(s.count("a"), s.count("an"), s.count(""), s.count("a", 2, 4))
try:
    s.index("x")
except ValueError as e:
    print(e)
print(s.startswith("ba"), s.endswith(("x", "na")), s.startswith("an", 1))
