import sys
print(sys.byteorder, sys.platform, sys.float_info.max_exp, sys.int_info.bits_per_digit)
print(sys.hash_info.width, sys.hash_info.modulus, sys.hash_info.inf, sys.hash_info.nan, sys.hash_info.algorithm)
