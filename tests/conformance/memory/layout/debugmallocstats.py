import sys
sys._debugmallocstats()
