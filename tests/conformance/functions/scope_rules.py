x = "global"
def read():
    return x
def shadow():
    x = "local"
    return x
def unbound():
    try:
        print(x)
    except UnboundLocalError as e:
        print(e)
    x = 1
print(read(), shadow(), x)
unbound()
