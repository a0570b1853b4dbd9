def connect(host, port, timeout):
    return host + ":" + port
connect(host="localhost", port=8080, timeout=3)
