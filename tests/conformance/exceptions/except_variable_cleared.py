try:
    raise ValueError("x")
except ValueError as err:
    print("inside", err)
try:
    err
except NameError as e:
    print(e)
