print("Hello".translate(str.maketrans("lo", "01")), "abc".translate({ord("a"): None, ord("b"): "BB"}))
print(str.maketrans({"a": "1"}), "tic-tac".translate(str.maketrans("", "", "-")))
print("a1b2".isalnum(), "hello world".count("o"), "ab" * 2 == "abab")
print("%s" % str(None), str(), str(b"x"), str(1.0), str([1, "a"]))
