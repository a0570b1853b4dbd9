def res():
    print("acquire")
    try:
        yield 1
        yield 2
    finally:
        print("release")
g = res()
print(next(g))
g.close()
g.close()
for x in res():
    print(x)
    break
print("after break")
