print(round(0.5), round(1.5), round(-0.5), round(2.5, 0), round(1e20), round(0.1 + 0.2, 15))
try:
    round(float("inf"))
except OverflowError as e:
    print(e)
print(round(12345.6789, -2), round(-0.0), round(-0.4))
