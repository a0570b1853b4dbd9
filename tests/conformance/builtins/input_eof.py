line = input()
print("got", repr(line))
try:
    input()
except EOFError as e:
    print("EOFError", repr(e))
