d = {}
try:
    d[[1, 2]] = 3
except TypeError as e:
    print(e)
try:
    {{}: 1}
except TypeError as e:
    print(e)
try:
    d.get({1})
except TypeError as e:
    print(e)
