import sys
print("stdout first")
sys.exit("fatal: something went wrong")
