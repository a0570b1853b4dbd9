def f():
	return "日本" + 1
f()
