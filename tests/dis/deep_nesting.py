def f(a):
    if a:
        for i in range(a):
            while i:
                try:
                    with open(i) as fh:
                        if fh:
                            return fh
                except OSError:
                    i -= 1
    return None
