import sys
try:
    int("1" * 5000)
except ValueError as e:
    print(e)
big = 10 ** 5000
try:
    str(big)
except ValueError as e:
    print(e)
print(len(str(10 ** 4000)), sys.get_int_max_str_digits())
print(big.bit_length(), hex(big)[:10])
