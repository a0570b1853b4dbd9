result = [y for x in range(5) for y in [x * 2]]
