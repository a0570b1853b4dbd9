# Floor division and modulo of long ints whose quotient is small (a spigot's digit step),
# in all sign combinations, checked against divmod and q * b + r == a; and the bit lengths
# and sizes of very long ints (beyond 2**131072).
import random
random.seed(7)
acc = 0
for bits in (60, 1000, 1100, 3000, 20000, 140000):
    for _ in range(3 if bits > 10000 else 8):
        y = random.getrandbits(bits) | (1 << (bits - 1))
        for qbits in (0, 1, 3, 20, 39, 40, 41, 45, 80):
            x = y * random.getrandbits(qbits + 1) + random.getrandbits(bits) if qbits else random.getrandbits(bits - 1)
            for sx, sy in ((1, 1), (-1, 1), (1, -1), (-1, -1)):
                a, b = sx * x, sy * y
                q, r = a // b, a % b
                assert divmod(a, b) == (q, r)
                assert q * b + r == a
                acc = (acc * 31 + q % 1000003 + r % 999983 + q.bit_length() + r.bit_length()) % (1 << 61)
        z = y * y * 3
        acc = (acc + z.bit_length() + (z * z).bit_length() + (y << 5000).bit_length()) % (1 << 61)
        assert (y * 5) // y == 5 and (y * 5) % y == 0 and (y * 5 - 1) // y == 4 and (y * 5 - 1) % y == y - 1
print(acc)
import sys
print(sys.getsizeof(1 << 200000), sys.getsizeof((1 << 300000) - 1), sys.getsizeof(3 ** 200000))
print((3 ** 200000).bit_length(), ((1 << 262144) - 1).bit_length(), (1 << 262144).bit_length(), (1 << 131072).bit_length(), ((1 << 131072) - 1).bit_length())
