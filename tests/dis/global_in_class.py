x = 1
class C:
    global x
    x = 2
    y = x
