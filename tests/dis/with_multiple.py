def f(a, b):
    with open(a) as fa, open(b) as fb:
        fa.write(fb.read())
