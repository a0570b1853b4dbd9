name = input()
print("Hello, " + name + "!")
age = input("Age? ")
print("In ten years:", int(age) + 10)
