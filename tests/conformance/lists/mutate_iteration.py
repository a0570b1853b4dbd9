l = [1, 2, 3, 4]
for x in l:
    if x == 2:
        l.remove(x)
    print(x)
print(l)
