class C:
    x = 10
    ys = [x for _ in range(2)] if False else None
    def method(self):
        try:
            return x
        except NameError as e:
            return str(e)
print(C().method())
x = "module"
print(C().method())
def make():
    val = "enclosed"
    class Inner:
        attr = val
        def get(self):
            return val
    return Inner
I = make()
print(I.attr, I().get())
