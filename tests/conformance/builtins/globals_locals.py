g_var = 1
def f(a):
    b = 2
    return sorted(locals().items())
print(f(0))
print("g_var" in globals(), globals()["__name__"])
