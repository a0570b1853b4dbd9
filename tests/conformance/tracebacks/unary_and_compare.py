values = [3, "4", 5]
print(-values[1])
