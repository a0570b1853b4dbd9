counter = 0

def incr():
    global counter
    counter += 1
    return counter

def reset():
    global counter, other
    counter = other = 0
