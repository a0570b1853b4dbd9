message = "hi"
print(mesage)
