s = """first
  second
third"""
print(s.split("\n"))
print(len("日本語"), "日本語"[1], "日本語".encode("utf-8"))
print("ǅ".isupper(), "ǅ".istitle(), "ﬁ".upper(), "İ".lower(), len("İ".lower()))
