data = [1, 5, 10, 15]
if (n := len(data)) > 3:
    print("long", n)
results = [y for x in data if (y := x * 2) > 5]
print(results, y)
i = 0
while (i := i + 1) < 4:
    print(i)
