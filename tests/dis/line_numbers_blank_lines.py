x = 1


y = 2
# comment

def f():

    a = 1

    return a
