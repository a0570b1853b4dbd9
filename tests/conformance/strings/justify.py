print("[" + "ab".center(7) + "]", "[" + "ab".center(7, "*") + "]", "[" + "ab".ljust(5, ".") + "]", "[" + "ab".rjust(5) + "]")
print("42".zfill(5), "-42".zfill(5), "+4".zfill(4), "abc".zfill(2))
print("a\tbc\td".expandtabs(), "a\tb".expandtabs(4))
