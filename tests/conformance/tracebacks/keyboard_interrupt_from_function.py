def handler():
    raise KeyboardInterrupt("stop")
handler()
