import sys
keep = [[i] for i in range(10000)]
floats = [i * 0.5 for i in range(5000)]
sys._debugmallocstats()
print(len(keep), len(floats))
