# The argument-count errors of the find family, startswith/endswith and the like on str, bytes
# and bytearray: PyArg_ParseTuple's wording ("find() takes at least 1 argument (0 given)")
# where CPython 3.11 parses with it, Argument Clinic's ("center expected ...") elsewhere.
for obj in ['abc', b'abc', bytearray(b'abc')]:
    for m in ['find', 'rfind', 'index', 'rindex', 'count', 'startswith', 'endswith', 'replace', 'strip', 'split', 'join', 'partition', 'center', 'zfill', 'expandtabs', 'ljust', 'encode' if isinstance(obj, str) else 'decode']:
        for a in [(), (1, 2, 3, 4)]:
            try: getattr(obj, m)(*a)
            except TypeError as e: print(type(obj).__name__, m, e)
