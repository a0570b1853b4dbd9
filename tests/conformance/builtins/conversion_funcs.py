print(int("10"), float("1.5"), str(10), bool(0), list("ab"), tuple([1]), set([1, 1]), dict(a=1))
print(bin(5), oct(8), hex(16), chr(97), ord("a"), repr("a"), ascii("ñ"), format(5, "03"))
print(bytes([97]), bytearray(2), complex(1, 1), frozenset([2]))
