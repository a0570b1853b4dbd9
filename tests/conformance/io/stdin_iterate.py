import sys
total = 0
for line in sys.stdin:
    total += len(line)
    print(repr(line))
print(total)
