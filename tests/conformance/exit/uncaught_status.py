print("before")
raise RuntimeError("unhandled")
