print(len(str(abs(-5))))
max(min(1, 2), min(3, 4))
