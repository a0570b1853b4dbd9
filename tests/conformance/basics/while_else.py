i = 0
while i < 3:
    print("loop", i)
    i += 1
else:
    print("else ran")
while True:
    i -= 1
    if i == 0:
        break
else:
    print("not printed")
print("done", i)
