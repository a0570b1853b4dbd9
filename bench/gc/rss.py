# The CPython side of bench/gc.ts's memory measure: runs a Python program as
# `python3 FILE.py ARGS...` does, keeps its module's globals alive, collects, and prints
# the process's resident set: "rss KIB" (VmRSS of /proc/self/status).
import gc
import runpy
import sys

sys.argv = sys.argv[1:]
kept = runpy.run_path(sys.argv[0], run_name="__main__")
gc.collect()
with open("/proc/self/status") as status:
    for line in status:
        if line.startswith("VmRSS:"):
            print("rss", line.split()[1])
