print('single', "double", '''triple single''', """triple double""")
print("tab\there", "nl\\n", r"raw\n", "\x41\u00e9\N{GREEK SMALL LETTER ALPHA}")
print("concat" "enated")
print(b"bytes", rb"\d")
print(len("\U0001F600"))
print("multi\
line")
