def g(a, b):
    return a / b
x = g("日本語日本語", 0) + g("語", 0)
