# List sorting and comprehensions: building, filtering and sorting lists of ints, tuples and
# strings, with and without key functions.
def lcg(n, seed):
    out = []
    x = seed
    for _ in range(n):
        x = (x * 6364136223846793005 + 1442695040888963407) % 18446744073709551616
        out.append(x >> 40)
    return out


nums = lcg(300000, 42)
evens = [n for n in nums if n % 2 == 0]
squares = [n * n % 1000003 for n in evens]
pairs = [(n % 1000, n) for n in nums]
strings = [str(n) for n in nums[:100000]]
total = 0
for _ in range(3):
    s1 = sorted(nums)
    s2 = sorted(pairs)
    s3 = sorted(strings)
    s4 = sorted(nums, key=lambda v: (v % 97, v))
    total += s1[len(s1) // 2] + s2[1000][1] + int(s3[500]) + s4[-1]
matrix = [[(i * j) % 10 for j in range(300)] for i in range(300)]
transposed = [[row[i] for row in matrix] for i in range(300)]
print(len(evens), sum(squares) % 1000007, total)
print(sum(sum(r) for r in transposed), {k: v for k, v in zip("abc", sorted(nums)[:3])})
