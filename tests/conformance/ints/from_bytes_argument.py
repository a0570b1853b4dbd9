print(int.from_bytes([1, 2], "big"), int.from_bytes(bytearray(b"\x01"), "little"), int.from_bytes(b"\xff", "big", signed=True))
try: int.from_bytes(5, "big")
except TypeError as e: print(e)
try: int.from_bytes([256], "big")
except ValueError as e: print(e)
class B:
    def __bytes__(self): return b"\x01\x02"
print(int.from_bytes(B(), "big"), int.from_bytes(memoryview(b"\x05"), "big"), int.from_bytes(iter([1, 0]), "little"))
for bad in ("x", 5, 1.5, [256], [-1], ["a"]):
    try: int.from_bytes(bad, "big")
    except (TypeError, ValueError) as e: print(type(e).__name__, e)
