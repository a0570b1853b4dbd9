print(sum(x for x in range(5)))
any(c.isdigit() for c in "abc1")
