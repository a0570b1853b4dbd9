pairs = [(i, j) for i in range(3) for j in range(i)]
flat = [y for row in [[1, 2], [3]] for y in row]
