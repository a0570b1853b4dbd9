s = {"p", "q", "r", "s", "t"}
out = []
while s:
    out.append(s.pop())
print(out)
n = set(range(5))
print([n.pop() for _ in range(5)])
