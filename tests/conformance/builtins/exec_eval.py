ns = {}
exec("x = 2\ny = x * 21", ns)
print(ns["y"], eval("y + 1", ns), eval("1 + 2"))
code = compile("z = 5", "<string>", "exec")
exec(code, ns)
print(ns["z"], type(code).__name__)
