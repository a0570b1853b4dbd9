def guarded():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            print("handled", e)
g = guarded()
print(next(g))
print(g.throw(ValueError("oops")))
try:
    g.throw(KeyError("not handled"))
except KeyError as e:
    print("propagated", repr(e))
print(list(g))
