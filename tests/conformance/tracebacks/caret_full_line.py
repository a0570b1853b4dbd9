def fail():
    raise RuntimeError("whole line")
fail()
