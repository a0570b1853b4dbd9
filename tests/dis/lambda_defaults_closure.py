def f():
    fs = []
    for i in range(3):
        fs.append(lambda i=i: i)
    return fs
