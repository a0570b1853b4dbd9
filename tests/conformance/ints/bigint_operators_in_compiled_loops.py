# Binary operators on ints beyond 2**53 inside a hot function (compiled after a few calls):
# every operator with bigint and small operands on either side, results that come back into
# the safe range, in-place forms, and the errors (zero divisors, negative shifts) raised
# from inside the loop with their tracebacks' lines.
import sys

OPERANDS = [0, 1, -1, 7, -7, 2**31, 2**53 - 1, 2**53, -(2**53) - 3, 2**64 + 5, -(2**70) + 11,
            3**45, 10**30 + 1]


def table(xs):
    rows = []
    for a in xs:
        for b in xs:
            row = [a + b, a - b, a * b, a & b, a | b, a ^ b]
            if b:
                row += [a % b, a // b]
            if 0 <= b < 200:
                row.append(a >> b)
            rows.append(row)
    return rows


for _ in range(10):
    t = table(OPERANDS)
print(len(t), t[5], t[-1], t[len(t) // 2])


def inplace(a, b):
    x = a
    x += b
    x *= b
    x -= a
    x //= 7
    x %= 2**61
    x >>= 3
    x &= 2**64 - 1
    x |= 1
    x ^= b
    return x


for _ in range(10):
    r = [inplace(a, b) for a in OPERANDS for b in OPERANDS]
print(sum(r), r[:4])


def mixed_back_to_small(n):
    big = 2**80
    out = []
    for i in range(n):
        v = (big + i) - big
        w = (big * i) // big
        out.append(v + w)
    return out


for _ in range(10):
    m = mixed_back_to_small(20)
keep = [2**80 * i + 1 for i in range(3)]
print(m, sys.getrefcount(keep[2]))


def fails(a, b, op):
    try:
        if op == "%":
            return a % b
        if op == "//":
            return a // b
        return a >> b
    except (ZeroDivisionError, ValueError) as e:
        return type(e).__name__ + ": " + str(e) + " at line " + str(e.__traceback__.tb_lineno)


for _ in range(10):
    errs = [fails(2**70, 0, "%"), fails(-(2**70), 0, "//"), fails(2**70, -1, ">>"),
            fails(5, 2**70, ">>"), fails(2**70, 2**70, "%")]
print(errs)


def lcg(n):
    x = 2**40 + 3
    for _ in range(n):
        x = (x * 6364136223846793005 + 1442695040888963407) % 18446744073709551616
    return x


print([lcg(n) for n in (1, 5, 50, 500)])
