def echo():
    received = None
    while True:
        received = yield "got " + repr(received)
        if received == "stop":
            return "stopped"
g = echo()
print(g.send(None))
print(g.send(1))
print(g.send("hi"))
try:
    g.send("stop")
except StopIteration as e:
    print("return value", e.value)
try:
    echo().send(5)
except TypeError as e:
    print(e)
