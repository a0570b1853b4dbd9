# %, // and >> of ints across the int32, safe-integer and bigint ranges, in loops long enough
# for compiled code (which does int32 operands inline): every sign, a zero divisor, huge shifts.
vals = [0, 1, -1, 2, -2, 3, 7, -7, 10, -10, 255, 256, -256, 2**31 - 1, -2**31, 2**31, -2**31 - 1, 2**32 + 5, 2**40, -2**40, 2**53 - 1, -(2**53 - 1), 2**53, 2**64 + 3, -(2**64) - 3]
def run(vals):
    out = []
    for x in vals:
        for y in vals:
            for f in (lambda: x % y, lambda: x // y, lambda: x >> y, lambda: x << y if 0 <= y < 100 else 0):
                try:
                    r = f()
                    out.append(r)
                except (ZeroDivisionError, ValueError, OverflowError, MemoryError) as e:
                    out.append(type(e).__name__)
    return out
def direct(vals):
    out = []
    for x in vals:
        for y in vals:
            if y > 0:
                out.append((x % y, x // y, x % 7, x // 7, x % -7, x // -7))
            if 0 <= y <= 70:
                out.append((x >> y, x >> 3, x >> 31, x >> 32))
    return out
r = run(vals)
print(len(r), hash(tuple(map(str, r))))
d = direct(vals)
print(d[:20])
print(len(d), hash(tuple(map(str, d))))
import sys
# -0 never appears
z = [(-4) % 2, (-4) // 2 * 0, 0 // 5, -6 % 3]
print(z, [str(float(v)) for v in z])
