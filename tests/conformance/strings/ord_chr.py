print(ord("A"), ord("é"), ord("€"), ord("😀"), chr(65), chr(233), chr(0x1F600), chr(0x10FFFF) == "\U0010ffff")
try:
    chr(0x110000)
except ValueError as e:
    print(e)
try:
    ord("ab")
except TypeError as e:
    print(e)
