import sys
try:
    sys.exit(5)
except SystemExit:
    raise ValueError("replaced the exit")
