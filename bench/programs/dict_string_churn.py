# Dict and string churn: word counting, string building, splitting and joining, formatting
# keys, deleting and re-inserting entries.
def words(n):
    syllables = ["ka", "lo", "mi", "ne", "su", "ta", "ri", "po", "ve", "zu"]
    out = []
    x = 12345
    for _ in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        w = syllables[x % 10] + syllables[(x >> 8) % 10]
        if x % 3 == 0:
            w += syllables[(x >> 16) % 10]
        out.append(w)
    return out


def count(ws):
    counts = {}
    for w in ws:
        counts[w] = counts.get(w, 0) + 1
    return counts


def churn(counts, rounds):
    table = {}
    for r in range(rounds):
        for w, c in counts.items():
            key = w.upper() + "-" + str(c % 7) + "-" + str(r % 5)
            table[key] = table.get(key, "") + w[0]
            if len(table[key]) > 8:
                del table[key]
    return table


ws = words(1000000)
counts = count(ws)
text = " ".join(ws)
print(len(counts), max(counts.values()), len(text), text.count("kalo"))
parts = text.split(" ")
print(len(parts), len(set(parts)))
table = churn(counts, 3000)
print(len(table), sum(len(v) for v in table.values()))
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
