# str.encode and bytes.decode with each built-in error handler, over the codecs glasspy has;
# the exceptions carry CPython's ranges and reasons (runs of unencodable characters form one
# range for ASCII, Latin-1 and UTF-8; UTF-16 and UTF-32 report one character at a time).
texts = ["héllo €", "\udc80x\udcff", "a\ud800b", "€€x€", "\U0001f600z", "\x00\x7f\x80\xff"]
encodings = ["utf-8", "ascii", "latin-1", "utf-16", "utf-16-be", "utf-32-le", "cp1252",
             "utf-8-sig", "unicode_escape", "raw_unicode_escape"]
errors = ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace",
          "namereplace", "surrogateescape", "surrogatepass"]

for t in texts:
    for enc in encodings:
        for err in errors:
            try:
                r = t.encode(enc, err)
            except UnicodeEncodeError as e:
                r = f"{e} | {e.encoding!r} {e.start} {e.end} {e.reason!r}"
            print(repr(t), enc, err, r)

datas = [b"h\xc3\xa9", b"\xff", b"\xe2\x82", b"\xe2\x28\xa1", b"\xed\xa0\x80", b"\xf4\x90\x80\x80",
         b"\xc0\xaf", b"\xef\xbb\xbfabc", b"\xff\xfea\x00", b"a\x00\x00\xd8", b"\x00\xdc\x00\x00",
         b"a", b"\x00\x00\x11\x00", b"\\x4", b"\\u00e9\\N{BULLET}\\t", b"\\N{NOPE}", b"\x81\x80"]
for d in datas:
    for enc in encodings:
        for err in ["strict", "ignore", "replace", "backslashreplace", "surrogateescape",
                    "surrogatepass"]:
            try:
                r = repr(d.decode(enc, err))
            except UnicodeDecodeError as e:
                r = f"{e} | {e.encoding!r} {e.object!r} {e.start} {e.end} {e.reason!r}"
            print(repr(d), enc, err, r)

for bad in ["nope", "utf-9", "latin_9"]:
    try:
        "x".encode(bad)
    except LookupError as e:
        print(e)
try:
    "€".encode("ascii", "bogus")
except LookupError as e:
    print(e)
print("x".encode("ascii", "bogus"), repr(b"".decode("bogus")))
try:
    b"\xff".decode("utf-16-le", "xmlcharrefreplace")
except TypeError as e:
    print(e, "| caused by", repr(e.__cause__))
