# coding: ascii
print("café")
