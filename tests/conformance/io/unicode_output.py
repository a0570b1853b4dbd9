print("héllo wörld", "日本", "😀", "\u2603")
print(repr("\u2603"), len("😀"))
