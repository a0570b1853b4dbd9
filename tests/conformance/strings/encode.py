s = "héllo €"
print(s.encode(), s.encode("utf-8"), s.encode("latin-1", "replace"), s.encode("ascii", "ignore"))
print(s.encode("utf-16-le")[:6], len(s.encode()))
print(b"h\xc3\xa9".decode(), b"\xff".decode("latin-1"), b"\xff".decode("utf-8", "replace"))
try:
    "€".encode("ascii")
except UnicodeEncodeError as e:
    print(e)
try:
    b"\xff".decode()
except UnicodeDecodeError as e:
    print(e)
