import sys
print(sys.flags.optimize, sys.flags.hash_randomization, sys.flags.verbose)
def f():
    return sys._getframe().f_code.co_name, sys._getframe(1).f_code.co_name
print(f())
