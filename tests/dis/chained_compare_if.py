x = 5
if 0 < x < 10:
    print("small")
while 0 < x <= 5:
    x -= 1
