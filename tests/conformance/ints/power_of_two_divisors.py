# % and // by powers of two (glasspy masks and shifts instead of dividing): every sign, divisors
# from 1 to far beyond 64 bits, dividends on both sides of 2**53, the same divisor many times
# in a row (a loop), then other divisors straight after, and division by zero.
dividends = [0, 1, -1, 7, -7, 2**31 - 1, -(2**31), 2**53 - 1, 2**53, 2**53 + 1, -(2**53) - 7,
             2**64 + 3, -(2**64) - 3, 3**50, -(3**50), 2**200 + 12345, -(2**200) - 1,
             123456789 * 1103515245, -987654321987654321987]
divisors = [1, 2, 4, 2**30, 2**31, 2**32, 2**52, 2**53, 2**54, 2**63, 2**64, 2**65, 2**200,
            3, 6, 2**53 - 1, 2**53 + 1, 2**64 - 1, 2**64 + 1, -2, -(2**64), -1]
for a in dividends:
    row = []
    for b in divisors:
        row.append((a % b, a // b) == divmod(a, b))
        print(a % b, a // b, end=" ")
    print(all(row))


def lcg32(n):
    x = 12345
    for _ in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
    return x


def lcg64(n):
    x = 42
    for _ in range(n):
        x = (x * 6364136223846793005 + 1442695040888963407) % 18446744073709551616
    return x, x >> 40, x // 2**40


for n in (1, 10, 1000):
    print(lcg32(n), lcg64(n))
print(-(2**70) % 2**64, -(2**70) // 2**64, (2**70 + 5) % 3, (2**70 + 5) // 3)
for a, b in ((2**70, 0), (5, 0)):
    for op in ("%", "//"):
        try:
            print(eval(f"a {op} b"))
        except ZeroDivisionError as e:
            print(type(e).__name__, e)
