# codecs: lookup, encode/decode by name (text codecs, rot13 and hex), error handlers as
# functions and registered by name, incremental decoding.
import codecs

print(codecs.encode("héllo", "utf-8"), codecs.decode(b"h\xc3\xa9", "utf-8"))
print(codecs.encode("abc", "rot13"), codecs.decode("nop", "rot_13"))
print(codecs.encode(b"\x01\xff", "hex"), codecs.decode(b"01ff", "hex"))
info = codecs.lookup("UTF8")
print(info.name, info.encode("é"), info.decode(b"\xc3\xa9"), type(info).__name__,
      isinstance(info, tuple), len(info))
for name in ["latin-1", "utf-16", "cp1252", "U32", "ascii", "unicode_escape", "Windows-1252"]:
    print(name, codecs.lookup(name).name)
try:
    codecs.lookup("nope")
except LookupError as e:
    print(e)
print(codecs.lookup_error("strict"), codecs.lookup_error("replace"))
try:
    codecs.lookup_error("nope")
except LookupError as e:
    print(e)


def show(exc):
    print("handler", type(exc).__name__, exc.start, exc.end, exc.reason)
    return "<%s>" % exc.object[exc.start:exc.end], exc.end


codecs.register_error("show", show)
print("a€€b€".encode("ascii", "show"))
codecs.register_error("mark", lambda exc: ("[%d]" % exc.start, exc.end))
print(b"a\xff\xfeb".decode("utf-8", "mark"), b"a\xff\xfeb".decode("ascii", "mark"))
codecs.register_error("bad", lambda exc: 5)
try:
    "€".encode("ascii", "bad")
except TypeError as e:
    print(e)
codecs.register_error("far", lambda exc: ("x", 100))
try:
    "€".encode("ascii", "far")
except IndexError as e:
    print(e)
codecs.register_error("back", lambda exc: ("x", -1))
print("€ab".encode("ascii", "back"))
try:
    codecs.register_error("x", 5)
except TypeError as e:
    print(e)
print(codecs.strict_errors, codecs.ignore_errors(UnicodeEncodeError("ascii", "a€b", 1, 2, "r")))
print(codecs.replace_errors(UnicodeDecodeError("utf-8", b"a\xffb", 1, 2, "r")))
print(codecs.backslashreplace_errors(UnicodeEncodeError("ascii", "a€b", 1, 2, "r")))
print(codecs.xmlcharrefreplace_errors(UnicodeEncodeError("ascii", "a€b", 1, 2, "r")))
print(codecs.namereplace_errors(UnicodeEncodeError("ascii", "a€b", 1, 2, "r")))
try:
    codecs.xmlcharrefreplace_errors(UnicodeDecodeError("utf-8", b"a\xffb", 1, 2, "r"))
except TypeError as e:
    print(e)
try:
    codecs.strict_errors(UnicodeEncodeError("ascii", "a€b", 1, 2, "r"))
except UnicodeEncodeError as e:
    print("strict", e)
print(codecs.BOM_UTF8, codecs.BOM, codecs.BOM_UTF32_BE)
print(list(codecs.iterdecode([b"h\xc3", b"\xa9llo"], "utf-8")),
      list(codecs.iterencode(["a", "é"], "utf-8")))
decoder = codecs.getincrementaldecoder("utf-8")()
print(repr(decoder.decode(b"\xe2\x82")), repr(decoder.decode(b"\xac")))
print(codecs.encode("x", "utf-16-le"), codecs.getencoder("ascii")("hi"))
try:
    codecs.encode(b"x", "utf-8")
except TypeError as e:
    print(e)
