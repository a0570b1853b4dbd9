# A student saved this file as Latin-1.
name = "René"
print(name)
