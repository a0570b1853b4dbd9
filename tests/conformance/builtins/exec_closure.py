# exec() and eval() of a code object with free variables: exec's closure= must be a tuple of
# exactly as many cells (and is refused for source text or a code object without free
# variables); eval() refuses such code; with the right cells exec runs it.
def o():
    x = 1
    def i(): return x * 10
    return i
f = o()
for call in (lambda: exec(f.__code__, {}), lambda: eval(f.__code__, {}),
             lambda: exec(f.__code__, {}, closure=()), lambda: exec(f.__code__, {}, closure=(1,)),
             lambda: exec("x = 1", {}, closure=f.__closure__),
             lambda: exec(compile("y = 2", "s", "exec"), {}, closure=f.__closure__)):
    try:
        call()
        print("ran")
    except TypeError as e:
        print("TypeError:", e)
g = {}
exec(compile("def h(): return 5", "s", "exec"), g)
print(exec(f.__code__, {}, closure=f.__closure__))
def o2():
    x = []
    def i(): x.append(1); return x
    return i
f2 = o2()
exec(f2.__code__, {}, closure=f2.__closure__)
print(f2())
