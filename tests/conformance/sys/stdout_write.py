import sys
n = sys.stdout.write("written directly\n")
print(n)
sys.stderr.write("to stderr\n")
print("to stderr via print", file=sys.stderr)
sys.stdout.write("no newline")
sys.stdout.write("\n")
