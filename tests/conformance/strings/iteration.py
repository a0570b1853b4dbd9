for ch in "héy":
    print(ch, end=" ")
print()
print(list("abc"), tuple("ab"), set("aa"), len("naïve"), "x" in "xyz")
print(list(reversed("abc")), list(enumerate("ab")))
