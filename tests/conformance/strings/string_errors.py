try:
    "abc".foo
except AttributeError as e:
    print(e)
index = 1.0
try:
    "abc"[index]
except TypeError as e:
    print(e)
try:
    len(5)
except TypeError as e:
    print(e)
try:
    "x".join(5)
except TypeError as e:
    print(e)
try:
    "a".split("")
except ValueError as e:
    print(e)
