import sys
lines = []
while True:
    try:
        line = input()
    except EOFError:
        break
    lines.append(line)
print(len(lines), lines)
print(sum(int(x) for x in lines if x.isdigit()))
