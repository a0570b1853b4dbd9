from collections import Counter
c = Counter("mississippi")
print(c, c["s"], c["z"], c.most_common(2))
c.update("sip")
print(c)
print(Counter(a=3, b=1) + Counter(a=1, c=2), Counter(a=3, b=1) - Counter(a=1, b=5))
print(sorted(c.elements())[:5], c.total())
