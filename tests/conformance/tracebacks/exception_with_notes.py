e = ValueError("bad value")
e.add_note("hint: check the input")
raise e
