print(b"\x00\x01\x7f\x80\xff", b"'", b'"', b"'\"", b"\t\n\r\\")
print(repr(bytes(range(30, 40))), bytearray(b"x'y"))
