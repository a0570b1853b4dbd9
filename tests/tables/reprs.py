# CPython's answers for the pure value functions of runtime/objects (floatrepr.ts,
# strrepr.ts, hash.ts), as a JSON table. Floats travel as the hex of their IEEE bits.
import json
import random
import struct
import sys


def bits(x):
    return struct.pack("<d", x).hex()


rng = random.Random(1234)
floats = [0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 1.5, 2.5, 1e16, 1e15, 9999999999999998.0,
          1e-4, 1e-5, 0.0001234, 123456789012345678.0, 1.7976931348623157e308, 5e-324,
          2.2250738585072014e-308, float("inf"), float("-inf"), float("nan"), 3.141592653589793,
          100.0, 1e22, 1e23, 12345.678, -0.000123, 1/3, 2/3, 10/3, 1e100, 123e-20, 0.3]
floats += [rng.uniform(-1e6, 1e6) for _ in range(200)]
floats += [rng.random() * 10 ** rng.randint(-30, 30) for _ in range(300)]
floats += [struct.unpack("<d", rng.getrandbits(64).to_bytes(8, "little"))[0] for _ in range(300)]

strs = ["", "a", "abc", "'", '"', "'\"", "it's", 'say "hi"', "\\", "\t\n\r", "\x00\x1f\x7f",
        "\x80\x9f\xa0\xad\xff", "é", "ü", "日本語", "\u2028\u2029", "\u200b", "\ufeff",
        "\ud800", "a\udfffb", "😀", "\U0001f600x", "\U000e0001", "\U0010ffff", "\u0378",
        " ", "\u3000", "\xa0", "x" * 7, "y" * 8, "z" * 9, "12345678abcdefgh", "héllo wörld",
        "Ω≈ç√∫", "\u0100", "\uffff", "a\u0300", "\U0001d11e music"]
strs += ["".join(chr(rng.randint(32, 126)) for _ in range(rng.randint(0, 40))) for _ in range(60)]
strs += ["".join(chr(rng.randint(0, 0x2fff)) for _ in range(rng.randint(1, 20))) for _ in range(60)]
strs += ["".join(chr(rng.randint(0, 0x10ffff)) for _ in range(rng.randint(1, 10))) for _ in range(60)]

byteses = [b"", b"a", b"'", b'"', b"'\"", b"\\", b"\t\n\r\x00\x7f\x80\xff", bytes(range(256))]
byteses += [bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 30))) for _ in range(60)]

table = {
    "floats": [[bits(x), repr(x)] for x in floats],
    "strs": [[s, repr(s), hash(s)] for s in strs],
    "bytes": [[b.hex(), repr(b), hash(b)] for b in byteses],
}
# one row per line, so that a change reads well in a diff
print("{")
for k, (name, rows) in enumerate(table.items()):
    print(f"{json.dumps(name)}: [")
    print(",\n".join(json.dumps(row) for row in rows))
    print("]" + ("," if k < len(table) - 1 else ""))
print("}")
