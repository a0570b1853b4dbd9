s = set()
for i in range(0, 200, 7):
    s.add(i * 31)
print(s)
t = set()
for w in "the quick brown fox jumps over the lazy dog".split():
    t.add(w)
    print(len(t), t)
