print("ab" + "cd", "ab" * 3, 3 * "x", "x" * 0, "x" * -1 == "")
try:
    "a" + 1
except TypeError as e:
    print(e)
try:
    "a" * 1.5
except TypeError as e:
    print(e)
