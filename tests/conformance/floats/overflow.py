try:
    print(2.0 ** 10000)
except OverflowError as e:
    print(e)
try:
    float(10 ** 400)
except OverflowError as e:
    print(e)
print(1e308 + 1e308)
print(10 ** 400 / 10 ** 399)
try:
    print(10 ** 400 / 3)
except OverflowError as e:
    print(e)
