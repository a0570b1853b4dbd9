a = input("first: ")
b = input("second: ")
print()
print("sum", int(a) + int(b))
