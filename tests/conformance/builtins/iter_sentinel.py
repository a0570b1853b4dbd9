values = [1, 2, 3, 0, 4]
it = iter(lambda: values.pop(0), 0)
print(list(it), values)
