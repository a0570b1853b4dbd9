import sys
print("line one")
sys.stdout.write("partial")
print("err line", file=sys.stderr)
1 / 0
