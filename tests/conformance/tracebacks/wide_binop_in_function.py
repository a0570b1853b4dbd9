def f():
    return "日本語" + 1
f()
