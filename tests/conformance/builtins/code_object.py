def sample(a, b=1, *args, c, d=2, **kw):
    x = a + b
    def inner():
        return x
    return inner
co = sample.__code__
print(co.co_name, co.co_qualname, co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount)
print(co.co_varnames, co.co_cellvars, co.co_freevars, co.co_nlocals)
print(co.co_firstlineno, co.co_filename, type(co.co_code).__name__)
print(sample(1, c=3).__code__.co_freevars, sample(1, c=3).__code__.co_name)
print(bool(co.co_flags & 0x04), bool(co.co_flags & 0x08))
