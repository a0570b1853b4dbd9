total = sum(x * x for x in range(10))
gen = (x for x in range(3) if x)
