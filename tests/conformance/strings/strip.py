s = "xxhixx"
print(s.strip("x"), s.lstrip("x"), s.rstrip("x"))
print(repr("  \t pad \n ".strip()), repr("  pad  ".lstrip()), repr("  pad  ".rstrip()))
print("www.example.com".strip("cmowz."))
print("prefix_body".removeprefix("prefix_"), "body.txt".removesuffix(".txt"), "nope".removeprefix("x"))
