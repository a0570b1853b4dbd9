# &, |, ^, >>, <<, // and % of ints past 32 bits and up to the edges of the 53-bit range,
# where glasspy computes with doubles: every result as CPython gives it.
vals = [0, 1, -1, 2, -2, 3, 7, -7, 255, 2**31 - 1, -2**31, 2**31, -2**31 - 1, 2**32, -2**32, 2**32 + 5,
        2**40 + 12345, -(2**40) - 999, 2**52, -2**52, 2**52 + 1, 2**53 - 1, -(2**53 - 1), 2**53 - 2,
        -(2**53) + 2, 123456789012, -98765432109, 2**60, 3]
def run(vals):
    out = []
    for a in vals:
        for b in vals:
            out.append((a & b, a | b, a ^ b))
            if b != 0:
                out.append((a // b, a % b))
            if 0 <= b < 70:
                out.append((a >> b, a << b))
    return out
r = run(vals)
print(len(r), hash(tuple(r)))
for x in r[:50]:
    print(x)

for t in r[::97]:
    print(t)
