# The builtins' text signatures, read by inspect and by IPython's `len?`: __text_signature__
# is the parenthesised part of a C function's internal docstring, None where CPython's
# docstring carries no signature (dir, getattr, max, ...).
import builtins

for name in ["__import__", "abs", "all", "any", "ascii", "bin", "callable", "chr",
             "compile", "delattr", "dir", "divmod", "eval", "exec", "format", "getattr",
             "globals", "hasattr", "hash", "hex", "id", "input", "isinstance",
             "issubclass", "iter", "len", "locals", "max", "min", "next", "oct", "open",
             "ord", "pow", "print", "repr", "round", "setattr", "sorted", "sum", "vars"]:
    print(name, repr(getattr(builtins, name).__text_signature__))

# a signature is not part of __doc__
print(len.__doc__ is None or not len.__doc__.startswith("len("))
print(type(len.__text_signature__).__name__)
