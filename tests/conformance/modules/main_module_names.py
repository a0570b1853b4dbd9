# The names python3 puts in __main__ before a script runs, in their order: the module's own
# (__name__ ... __spec__), an empty __annotations__ dict, __builtins__, then the script's
# __file__ and __cached__.
print(list(globals()))
print(__annotations__, __name__, __doc__, __package__, __spec__, __cached__)
x: int = 5
print(__annotations__)
