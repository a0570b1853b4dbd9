import threading
lock = threading.Lock()
with lock:
    x = 1
