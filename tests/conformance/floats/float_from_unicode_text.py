for t in ["١.٥", "\u2003 2.5 \u3000", "１２.５e１", "٣", "1\u00a0", "\ufeff1.0", "1\x1c", "\x1c1", "12\u0663", "½", "1_0.5", "-\u0661\u0660", " nan ", "-iNF", "1e5\u2028", "१.५", "\u00b2"]:
    try: print(repr(t), float(t))
    except ValueError as e: print(repr(t), "ValueError", e)
print(float(b" 1.5 "), float(bytearray(b"2")))
try: float(b"\xd9\xa1")
except ValueError as e: print(e)
