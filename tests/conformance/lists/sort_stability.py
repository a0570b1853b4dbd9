records = [("x", 3), ("y", 1), ("z", 3), ("w", 2), ("v", 1)]
by_num = sorted(records, key=lambda r: r[1])
print(by_num)
print(sorted(records, key=lambda r: r[1], reverse=True))
