prices = {"apple": 3, "pear": 0}
ratios = {k: 100 // v for k, v in prices.items()}
