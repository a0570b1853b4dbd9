evens = [x for x in range(20) if x % 2 == 0 if x > 4]
