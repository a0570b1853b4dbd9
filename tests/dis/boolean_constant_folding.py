a = True and False
b = None or 0
c = 1 if True else 2
d = not not 1
