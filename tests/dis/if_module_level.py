x = 3
if x > 2:
    y = 1
elif x > 1:
    y = 2
else:
    y = 3
