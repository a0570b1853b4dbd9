for i in range(10):
    if i % 2:
        continue
    if i > 6:
        break
    print(i)
for i in range(3):
    pass
else:
    print("completed", i)
for i in range(3):
    if i == 1:
        break
else:
    print("not reached")
print("after", i)
