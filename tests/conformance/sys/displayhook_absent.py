import sys
print(callable(sys.displayhook), callable(sys.excepthook), sys.__stdout__ is sys.stdout)
