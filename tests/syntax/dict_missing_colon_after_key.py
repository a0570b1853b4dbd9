ages = {"ann": 31, "bob" 42, "cy": 27}
print(ages)
