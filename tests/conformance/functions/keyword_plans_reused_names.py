def f(a=1, b=2):
    return (a, b)
out = []
for i in range(6):
    exec("out.append(f(a=10))")
    exec("out.append(f(b=20))")
    exec("out.append(f(0, b=5))")
print(out)
def g(x, *, y=3, z=4): return (x, y, z)
res = []
for i in range(5):
    exec("res.append(g(1, z=9))")
    exec("res.append(g(1, y=8))")
    exec("res.append(g(x=2, y=1, z=0))")
print(res)
