# Bigint arithmetic: digits of pi by a spigot, big factorials and powers, and big int
# to-string conversion.
def pi_digits(n):
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    out = []
    while len(out) < n:
        if 4 * q + r - t < m * t:
            out.append(m)
            q, r, t, k, m, x = 10 * q, 10 * (r - m * t), t, k, (10 * (3 * q + r)) // t - 10 * m, x
        else:
            q, r, t, k, m, x = q * k, (2 * q + r) * x, t * x, k + 1, (q * (7 * k + 2) + r * x) // (t * x), x + 2
    return out


digits = pi_digits(6000)
print("".join(map(str, digits[:50])), sum(digits))
f = 1
for i in range(2, 6000):
    f *= i
print(f % (10 ** 20 + 39), f.bit_length())
p = pow(3, 200000)
print(p.bit_length(), p % 1000000007)
g = 1
for i in range(2, 1400):
    g *= i
s = 0
for i in range(400):
    s += len(str(g >> i))
print(s)
a, b = 0, 1
for _ in range(60000):
    a, b = b, a + b
print(a.bit_length(), a % 999999937)
