# coding: latin-1
print("BOM and a Latin-1 cookie")
